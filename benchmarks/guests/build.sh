#!/usr/bin/env bash
# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
# Rebuilds the benchmark guests: three processor components (C, no WASI) and one plain core module.
# Builds are reproducible: rebuild, then `git status` shows whether a committed .wasm changed.
set -euo pipefail
cd "$(dirname "$0")"
. ../../scripts/guest-toolchain.sh
WIT=../../wit/processor.wit
fssdk_build_c_component emit-once.wasm "$WIT" processor emit-once.c
fssdk_build_c_component emit-once-bump.wasm "$WIT" processor emit-once.c -DEMIT_ONCE_BUMP
# host-calls.c uses the shared hand-written canonical-ABI glue of the example guests.
fssdk_build_c_component host-calls.wasm "$WIT" processor host-calls.c -I ../../examples/guests/c
wat2wasm raw-emit.wat -o raw-emit.wasm
fssdk_log "built raw-emit.wasm ($(stat -c %s raw-emit.wasm) bytes)"
