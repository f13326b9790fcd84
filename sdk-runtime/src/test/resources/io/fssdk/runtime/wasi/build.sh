#!/usr/bin/env bash
# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
# Rebuilds the WASI fixtures: probe.c compiled once per adapter, so the same guest exists as a
# WASI 0.2.12 component (jco 1.35's reactor adapter) and as a 0.2.0 one (jco 1.4.4's adapter).
set -euo pipefail
cd "$(dirname "$0")"
. "$(cd ../../../../../../../.. && pwd)/scripts/guest-toolchain.sh"
FSSDK_NEW_ARGS=(--wasi-reactor)
fssdk_build_c_component probe-wasi-0.2.12.wasm probe.wit probe probe.c
FSSDK_NEW_ARGS=(--adapt "wasi_snapshot_preview1=$(fssdk_adapter_wasi_0_2_0)")
fssdk_build_c_component probe-wasi-0.2.0.wasm probe.wit probe probe.c
