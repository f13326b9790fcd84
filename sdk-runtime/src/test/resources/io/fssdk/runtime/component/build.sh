#!/usr/bin/env bash
# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
# Rebuilds every fixture in this folder: component text with jco parse, C guests with clang-19 +
# jco new (no WASI), the QuickJS guest with componentize-qjs. See FIXTURES.md.
set -euo pipefail
cd "$(dirname "$0")"
. "$(cd ../../../../../../../.. && pwd)/scripts/guest-toolchain.sh"
for w in *.wat; do fssdk_parse_wat "$w" "${w%.wat}.wasm"; done
fssdk_build_c_component all-types.wasm all-types.wit all-types all-types.c
# kv-host.c shares the processor-world ABI header with the example guests.
fssdk_build_c_component kv-host.wasm "$FSSDK_ROOT/wit/processor.wit" processor kv-host.c \
    -I "$FSSDK_ROOT/examples/guests/c"
# QuickJS guest (about 1 MB): nested components and many core modules, WASI stubbed out.
fssdk_componentize_qjs_cli qjs.wasm qjs.js qjs.wit qjs --stub-wasi --opt-size
