#!/usr/bin/env bash
# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
# Rebuilds counter.wasm: componentize-qjs (QuickJS) in sync mode, WASI imports replaced by trap
# stubs, so the component imports only functionstream:core/{collector,kv}.
set -euo pipefail
cd "$(dirname "$0")"
. ../../../scripts/guest-toolchain.sh
fssdk_componentize_qjs counter.wasm counter.js ../../../wit/processor.wit processor --backend-qjs-stub-wasi
