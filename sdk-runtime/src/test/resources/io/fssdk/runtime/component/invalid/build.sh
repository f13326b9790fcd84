#!/usr/bin/env bash
# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
# Rebuilds the invalid-component fixtures of the validator's tests. Each *.invalid.wat is assembled with
# jco parse, which only parses, and must then be rejected by jco wit, which validates with wasm-tools, so
# every fixture is invalid by the spec, not merely by this engine. The ";; expect:" line of each .wat is
# the message fragment ComponentValidator must report.
set -euo pipefail
cd "$(dirname "$0")"
. "$(cd ../../../../../../../../.. && pwd)/scripts/guest-toolchain.sh"
for w in *.invalid.wat; do
    out="${w%.wat}.wasm"
    fssdk_jco parse "$w" -o "$out" >/dev/null
    if fssdk_jco wit "$out" >/dev/null 2>&1; then
        fssdk_log "wasm-tools accepts $out, but it is meant to be invalid"
        exit 1
    fi
done
fssdk_log "built $(ls *.invalid.wasm | wc -l) invalid fixtures"
