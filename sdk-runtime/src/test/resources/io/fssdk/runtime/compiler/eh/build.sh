#!/usr/bin/env bash
# Rebuilds exceptions.wasm, references.wasm, tailcalls.wasm and gcobjects.wasm from their .wat with jco's parser (wasm-tools), which reads the
# exception-handling proposal's try_table and the function-references proposal; wabt 1.0.32 reads neither. jco comes from scripts/guest-toolchain.sh (pinned there).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../../../../../../../../../scripts/guest-toolchain.sh"
for m in exceptions references tailcalls gcobjects; do
  fssdk_jco parse "$HERE/$m.wat" -o "$HERE/$m.wasm"
  ls -l "$HERE/$m.wasm"
done
