#!/usr/bin/env bash
# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
# Builds fssdk-java's Python runtime component with componentize-py (pinned; installed on first use
# into ${FSSDK_TOOLS:-~/.fssdk-tools}) and writes it where the sdk-python-runtime artifact ships it:
#   sdk-python-runtime/src/main/resources/fssdk-python-runtime/fssdk-python-runtime.wasm
# The runtime is runtime/fs_runtime (the processor world's exports) and runtime/fs_api (the operator
# API); user operators such as counter.py are not built in: they arrive as source through fs-exec.
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$(cd ../../.. && pwd)"
. "$ROOT/scripts/polyglot-tools.sh"
fssdk_ensure_componentize_py
OUT="$ROOT/sdk-python-runtime/src/main/resources/fssdk-python-runtime/fssdk-python-runtime.wasm"
mkdir -p "$(dirname "$OUT")"
# Not --stub-wasi: the runtime imports WASI 0.2 so a Python traceback reaches the host's stderr log.
"$FSSDK_COMPONENTIZE_PY" -d "$ROOT/wit/processor.wit" -w processor componentize -p runtime \
    fs_runtime.runner -o "$OUT.tmp"
mv "$OUT.tmp" "$OUT"
echo "built $OUT ($(stat -c %s "$OUT") bytes)"
