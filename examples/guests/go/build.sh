#!/usr/bin/env bash
# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
# Builds counter.wasm with TinyGo against Function Stream's Go SDK, following Function Stream's own
# examples/go-processor/build.sh. Needs TinyGo (0.34+), Go, and a checkout of Function Stream whose Go
# SDK bindings are generated (`make -C $FUNCTION_STREAM_HOME/go-sdk bindings`). Not run by CI: there is
# no TinyGo on the build machines.
set -euo pipefail
cd "$(dirname "$0")"
FS="${FUNCTION_STREAM_HOME:?set FUNCTION_STREAM_HOME to a checkout of github.com/FunctionStream/function-stream}"
command -v tinygo >/dev/null || { echo "tinygo is required: https://tinygo.org/getting-started/install/" >&2; exit 1; }
[ -f "$FS/go-sdk/wit/processor.wit" ] || make -C "$FS/go-sdk" bindings
go mod edit -replace "github.com/functionstream/function-stream/go-sdk=$FS/go-sdk"
GOFLAGS="${GOFLAGS:-} -mod=mod" go mod tidy
# processor-runtime is the processor world plus wasi:cli/imports, which every TinyGo wasip2 program needs.
tinygo build -target=wasip2 -tags purego -wit-package "$FS/go-sdk/wit" -wit-world processor-runtime \
    -opt 2 -scheduler none -o counter.wasm main.go
echo "built $(pwd)/counter.wasm"
