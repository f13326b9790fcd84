#!/usr/bin/env bash
# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
# Rebuilds the hostile-guest suite's components from their text with jco parse.
set -euo pipefail
cd "$(dirname "$0")"
. "$(cd ../../../../../../../../.. && pwd)/scripts/guest-toolchain.sh"
for w in *.wat; do fssdk_parse_wat "$w" "${w%.wat}.wasm"; done
