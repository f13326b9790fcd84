// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).

// Package impl connects an api.Driver to the processor world's exports and imports.
package impl

import (
	"github.com/functionstream/function-stream/go-sdk/api"
	witrt "github.com/functionstream/function-stream/go-sdk/internal/wit/runtime"
)

var (
	driver api.Driver
	ctx    *runtimeContext
)

// Run installs d behind the exports. A nil driver panics with ErrRuntimeInvalidDriver.
func Run(d api.Driver) {
	if d == nil {
		panic(api.NewError(api.ErrRuntimeInvalidDriver, "driver must not be nil"))
	}
	driver = d
}

// The export entry points, called by the bindings' export package. Each fails the call (a Go panic,
// which traps the instance) when the operator returns an error, so the host reports it and restarts the
// instance, as Function Stream's SDK does. Each releases the cabi_realloc arena on the way out.

func Init(config [][2]string) {
	defer witrt.Release()
	d := mustDriver()
	cfg := make(map[string]string, len(config))
	for _, kv := range config {
		cfg[kv[0]] = kv[1]
	}
	if ctx != nil {
		_ = ctx.Close()
	}
	ctx = newRuntimeContext(cfg)
	check(d.Init(ctx, cloneMap(cfg)))
}

func Process(sourceID uint32, data []byte) {
	defer witrt.Release()
	check(mustDriver().Process(context(), sourceID, api.CloneBytes(data)))
}

func ProcessWatermark(sourceID uint32, watermark uint64) {
	defer witrt.Release()
	check(mustDriver().ProcessWatermark(context(), sourceID, watermark))
}

func TakeCheckpoint(checkpointID uint64) {
	defer witrt.Release()
	check(mustDriver().TakeCheckpoint(context(), checkpointID))
}

func CheckHeartbeat() bool {
	defer witrt.Release()
	return mustDriver().CheckHeartbeat(context())
}

func Close() {
	defer witrt.Release()
	c := context()
	driverErr := mustDriver().Close(c)
	ctxErr := c.Close()
	ctx = nil
	check(driverErr)
	check(ctxErr)
}

func Exec(className string, modules []api.Module) {
	defer witrt.Release()
	check(mustDriver().Exec(context(), className, modules))
}

func Custom(payload []byte) []byte {
	defer witrt.Release()
	out, err := mustDriver().Custom(context(), api.CloneBytes(payload))
	check(err)
	// Never an empty slice's shared base: the bindings pin the result's backing array.
	result := make([]byte, len(out), len(out)+1)
	copy(result, out)
	return result
}

func mustDriver() api.Driver {
	if driver == nil {
		panic(api.NewError(api.ErrRuntimeInvalidDriver, "no driver: call fssdk.Run from an init function"))
	}
	return driver
}

func context() *runtimeContext {
	if ctx == nil {
		ctx = newRuntimeContext(map[string]string{})
	}
	return ctx
}

func check(err error) {
	if err != nil {
		panic(err)
	}
}

func cloneMap(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
