#!/usr/bin/env bash
# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
# Rebuilds the benchmark guests: two processor components (C, no WASI) and one plain core module.
# Builds are reproducible: rebuild, then `git status` shows whether a committed .wasm changed.
set -euo pipefail
cd "$(dirname "$0")"
. ../../scripts/guest-toolchain.sh
WIT=../../wit/processor.wit
for g in emit-once host-calls; do
    # fs_abi.h (the hand-written canonical-ABI glue) is shared with the example guests.
    fssdk_build_c_component "$g.wasm" "$WIT" processor "$g.c" -I ../../examples/guests/c
done
wat2wasm raw-emit.wat -o raw-emit.wasm
fssdk_log "built raw-emit.wasm ($(stat -c %s raw-emit.wasm) bytes)"
