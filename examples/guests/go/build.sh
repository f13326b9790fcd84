#!/usr/bin/env bash
# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
# Builds the Go guests with mainline Go (no TinyGo): counter-go.wasm (main.go, Function Stream's Go
# counter, unchanged) and misbehave-go.wasm (misbehave/). Pinned tools, installed on first use into
# ${FSSDK_TOOLS:-~/.fssdk-tools} (scripts/polyglot-tools.sh): wit-bindgen-cli 0.63.0 from crates.io, and
# wasmtime's preview1 reactor adapter 50.0.1 (crate wasi-preview1-component-adapter-provider); the
# component steps use the wasm-tools inside jco 1.35.0 (scripts/guest-toolchain.sh, as the C guests do).
# With FSSDK_CARGO_WASM_TOOLS=1 they use crates.io wasm-tools 1.263.0 instead (a long cargo build; not
# yet run to completion on the build machines, see NOTES.md).
#  1. `wit-bindgen go` regenerates fssdk/internal/bindings (the imports and the //go:wasmexport wrappers;
#     fssdk/internal/bindings/exports/export_wit_world is ours), importing our fssdk/internal/wit instead of
#     go.bytecodealliance.org/pkg (not on the Go proxy here, and its cabi_realloc allocates on the GC heap).
#  2. GOOS=wasip1 GOARCH=wasm go build -buildmode=c-shared: a reactor core module.
#  3. wasm-tools component embed + component new --adapt: the WASI preview1 calls of Go's runtime become
#     WASI 0.2 imports, which WasmDriver links (granting nothing).
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$(cd ../../.. && pwd)"
. "$ROOT/scripts/guest-toolchain.sh"
. "$ROOT/scripts/polyglot-tools.sh"
fssdk_ensure_wit_bindgen
fssdk_ensure_adapter
if [ "${FSSDK_CARGO_WASM_TOOLS:-0}" = 1 ]; then fssdk_ensure_wasm_tools; fi
command -v go >/dev/null || { echo "go (1.26 or later) is required" >&2; exit 1; }

SDK=github.com/functionstream/function-stream/go-sdk
GEN=fssdk/internal/bindings
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
"$FSSDK_WIT_BINDGEN" go -w processor --pkg-name "$SDK/internal/bindings" --out-dir "$TMP/gen" \
    "$ROOT/wit/processor.wit" >/dev/null
rm -rf "$GEN/imports" "$GEN/exports/wit_exports"
mkdir -p "$GEN/exports"
cp -r "$TMP/gen/imports" "$GEN/imports"
cp -r "$TMP/gen/exports/wit_exports" "$GEN/exports/wit_exports"
find "$GEN/imports" "$GEN/exports/wit_exports" -name '*.go' -exec sed -i \
    -e "s#\"go.bytecodealliance.org/pkg/wit/runtime\"#\"$SDK/internal/wit/runtime\"#" \
    -e "s#\"go.bytecodealliance.org/pkg/wit/types\"#\"$SDK/internal/wit/types\"#" {} +
if grep -rq 'go.bytecodealliance.org' "$GEN"; then
    echo "generated bindings still import go.bytecodealliance.org: update build.sh" >&2; exit 1
fi

# build_guest OUT.wasm PACKAGE_DIR
build_guest() {
    local out="$1" pkg="$2"
    # -checklinkname=0: internal/wit/runtime links runtime.sbrk for its cabi_realloc arena.
    # -trimpath and -buildvcs=false keep the binary reproducible.
    (cd "$pkg" && GOOS=wasip1 GOARCH=wasm GOFLAGS=-mod=mod go build -buildmode=c-shared -trimpath -buildvcs=false \
        -ldflags=-checklinkname=0 -o "$TMP/core.wasm" .)
    if [ -n "${FSSDK_WASM_TOOLS:-}" ]; then
        "$FSSDK_WASM_TOOLS" component embed -w processor "$ROOT/wit/processor.wit" "$TMP/core.wasm" -o "$TMP/embedded.wasm"
        "$FSSDK_WASM_TOOLS" component new "$TMP/embedded.wasm" --adapt "wasi_snapshot_preview1=$FSSDK_ADAPTER" -o "$out"
        "$FSSDK_WASM_TOOLS" validate "$out"
    else
        fssdk_embed "$TMP/core.wasm" "$ROOT/wit/processor.wit" processor "$TMP/embedded.wasm"
        fssdk_jco new "$TMP/embedded.wasm" --adapt "wasi_snapshot_preview1=$FSSDK_ADAPTER" -o "$out" >/dev/null
        fssdk_check "$out" >/dev/null
    fi
    echo "built $(pwd)/$out ($(stat -c %s "$out") bytes)"
}
build_guest counter-go.wasm .
build_guest misbehave-go.wasm misbehave
