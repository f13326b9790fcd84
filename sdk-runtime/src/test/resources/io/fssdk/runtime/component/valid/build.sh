#!/usr/bin/env bash
# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
# Rebuilds the valid edge-case components of the validator's tests with jco parse; fssdk_parse_wat also
# runs jco wit, which validates each with wasm-tools, so the validator is held to the spec's verdict on
# constructs the toolchain fixtures do not exercise (resource threading, outer aliases, module types).
set -euo pipefail
cd "$(dirname "$0")"
. "$(cd ../../../../../../../../.. && pwd)/scripts/guest-toolchain.sh"
for w in *.wat; do fssdk_parse_wat "$w" "${w%.wat}.wasm"; done
