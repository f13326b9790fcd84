#!/usr/bin/env bash
# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
# Rebuilds the two JavaScript counters from the one source, counter.js:
# - counter.wasm: componentize-qjs (QuickJS, about 1.7 MB) in sync mode, WASI imports replaced by trap
#   stubs, so the component imports only functionstream:core/{collector,kv}. Byte-reproducible.
# - counter-starlingmonkey.wasm: componentize-js 0.23.0 (StarlingMonkey, about 12 MB) without
#   wasi:http; it imports WASI 0.2.12 (stdio, clocks, random, filesystem), which WasmDriver links in
#   granting nothing. Not byte-reproducible (its Wizer snapshot differs from build to build).
set -euo pipefail
cd "$(dirname "$0")"
. ../../../scripts/guest-toolchain.sh
fssdk_componentize_qjs counter.wasm counter.js ../../../wit/processor.wit processor --backend-qjs-stub-wasi
fssdk_componentize_js counter-starlingmonkey.wasm counter.js ../../../wit/processor.wit processor \
    -d http -d fetch-event
