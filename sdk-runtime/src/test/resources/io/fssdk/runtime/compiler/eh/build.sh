#!/usr/bin/env bash
# Rebuilds exceptions.wasm from exceptions.wat with jco's parser (wasm-tools), which reads the exception-handling
# proposal's try_table; wabt 1.0.32 does not. jco comes from scripts/guest-toolchain.sh (pinned there).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../../../../../../../../../scripts/guest-toolchain.sh"
fssdk_jco parse "$HERE/exceptions.wat" -o "$HERE/exceptions.wasm"
ls -l "$HERE/exceptions.wasm"
