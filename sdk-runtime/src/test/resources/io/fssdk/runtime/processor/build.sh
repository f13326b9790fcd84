#!/usr/bin/env bash
# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
# Rebuilds the processor binding's own fixtures: component text with jco parse, and hello-wasi.c with
# clang-19 and jco 1.35's WASI reactor adapter (imports WASI 0.2.12). The guests the binding shares
# with the examples (misbehave, store-checks, counter) are built by examples/guests/c/build.sh.
set -euo pipefail
cd "$(dirname "$0")"
. "$(cd ../../../../../../../.. && pwd)/scripts/guest-toolchain.sh"
for w in *.wat; do fssdk_parse_wat "$w" "${w%.wat}.wasm"; done
FSSDK_NEW_ARGS=(--wasi-reactor)
fssdk_build_c_component hello-wasi.wasm "$FSSDK_ROOT/wit/processor.wit" processor hello-wasi.c \
    -I "$FSSDK_ROOT/examples/guests/c"
