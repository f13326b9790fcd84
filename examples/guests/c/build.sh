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
