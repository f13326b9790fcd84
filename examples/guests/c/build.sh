#!/usr/bin/env bash
# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
# Rebuilds every C guest component in this folder (processor world, no WASI imports).
set -euo pipefail
cd "$(dirname "$0")"
. ../../../scripts/guest-toolchain.sh
WIT=../../../wit/processor.wit
for g in counter store-checks misbehave; do
    if [ -f "$g.c" ]; then fssdk_build_c_component "$g.wasm" "$WIT" processor "$g.c"; fi
done
# The counter built for SIMD: at -O3 -msimd128 clang vectorizes its loops (i8x16.shuffle, v128.load32_lane,
# i32x4.add...), which our compiler runs and Chicory 1.7.5's engines do not.
if [ -f counter.c ]; then fssdk_build_c_component counter-simd.wasm "$WIT" processor counter.c -O3 -msimd128; fi
# The same guest with a declared memory maximum of 4 MiB, below any cap a host sets in the tests: a
# host's cap must never raise a maximum the guest declares itself.
if [ -f misbehave.c ]; then
    fssdk_build_c_component misbehave-max.wasm "$WIT" processor misbehave.c -Wl,--max-memory=4194304
fi
# A guest that writes to stdout and stderr through WASI (the jco 1.35 reactor adapter, WASI 0.2.12).
if [ -f chatty.c ]; then
    FSSDK_NEW_ARGS=(--wasi-reactor)
    fssdk_build_c_component chatty.wasm "$WIT" processor chatty.c
    unset FSSDK_NEW_ARGS
fi
