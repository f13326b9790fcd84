// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).

// Package export_wit_world implements the processor world's exports for the generated wit_exports
// wrappers (which `wit-bindgen go` points at this package), by handing each call to impl. It is written
// by hand; build.sh generates the rest of internal/bindings without stubs, so it is never overwritten.
package export_wit_world

import (
	"github.com/functionstream/function-stream/go-sdk/api"
	"github.com/functionstream/function-stream/go-sdk/impl"
	witTypes "github.com/functionstream/function-stream/go-sdk/internal/wit/types"
)

func FsInit(config []witTypes.Tuple2[string, string]) {
	pairs := make([][2]string, len(config))
	for i, kv := range config {
		// The strings point into the cabi_realloc arena: copy them before it is released.
		pairs[i] = [2]string{string([]byte(kv.F0)), string([]byte(kv.F1))}
	}
	impl.Init(pairs)
}

func FsProcess(sourceId uint32, data []uint8) { impl.Process(sourceId, data) }

func FsProcessWatermark(sourceId uint32, watermark uint64) { impl.ProcessWatermark(sourceId, watermark) }

func FsTakeCheckpoint(checkpointId uint64) { impl.TakeCheckpoint(checkpointId) }

func FsCheckHeartbeat() bool { return impl.CheckHeartbeat() }

func FsClose() { impl.Close() }

func FsExec(className string, modules []witTypes.Tuple2[string, []uint8]) {
	mods := make([]api.Module, len(modules))
	for i, m := range modules {
		mods[i] = api.Module{Name: string([]byte(m.F0)), Bytes: api.CloneBytes(m.F1)}
	}
	impl.Exec(string([]byte(className)), mods)
}

func FsCustom(payload []uint8) []uint8 { return impl.Custom(payload) }
