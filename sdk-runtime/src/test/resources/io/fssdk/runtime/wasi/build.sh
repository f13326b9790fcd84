#!/usr/bin/env bash
# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
# Rebuilds the WASI fixtures (see FIXTURES.md). Each C guest is built twice, with the preview1 adapter
# of jco 1.35 (imports WASI 0.2.12) and with that of jco 1.4.4 (imports WASI 0.2.0), whose npm tarball
# is fetched once with `npm pack` into ${FSSDK_TOOLS:-$HOME/.fssdk-tools}.
set -euo pipefail
cd "$(dirname "$0")"
. "$(cd ../../../../../../../.. && pwd)/scripts/guest-toolchain.sh"

# The 0.2.0 command adapter, from the same cached tarball as fssdk_adapter_wasi_0_2_0's reactor one.
adapter_0_2_0_command() {
    local reactor dir
    reactor="$(fssdk_adapter_wasi_0_2_0)"
    dir="$(dirname "$(dirname "$(dirname "$reactor")")")"
    [ -f "$dir/package/lib/wasi_snapshot_preview1.command.wasm" ] \
        || tar -xzf "$dir/bytecodealliance-jco-1.4.4.tgz" -C "$dir" package/lib/wasi_snapshot_preview1.command.wasm
    echo "$dir/package/lib/wasi_snapshot_preview1.command.wasm"
}

# Reactor: the probe world's exports call WASI through wasi-libc.
FSSDK_NEW_ARGS=(--wasi-reactor)
fssdk_build_c_component probe-wasi-0.2.12.wasm probe.wit probe probe.c
FSSDK_NEW_ARGS=(--adapt "wasi_snapshot_preview1=$(fssdk_adapter_wasi_0_2_0)")
fssdk_build_c_component probe-wasi-0.2.0.wasm probe.wit probe probe.c

# Command: main() behind wasi:cli/run. No world to embed: the adapter supplies the run export.
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
clang-19 --target=wasm32-wasi -O2 -Wall -Wextra -Werror -Wl,--strip-debug cmd.c -o "$tmp/cmd.wasm"
fssdk_component_new "$tmp/cmd.wasm" cmd-wasi-0.2.12.wasm --wasi-command
fssdk_component_new "$tmp/cmd.wasm" cmd-wasi-0.2.0.wasm --adapt "wasi_snapshot_preview1=$(adapter_0_2_0_command)"
for f in cmd-wasi-0.2.12.wasm cmd-wasi-0.2.0.wasm; do
    fssdk_check "$f" >/dev/null
    fssdk_log "built $f ($(stat -c %s "$f") bytes)"
done

# Hand-written component: the WASI interfaces no preview1 adapter imports (sockets, insecure random).
fssdk_parse_wat direct.wat direct.wasm

# componentize-js 0.23.0 (the StarlingMonkey engine, about 12 MB); besides WASI it imports
# wasi:http@0.2.10, which the tests stub. componentize-js reads the WIT through its own WASI shim,
# which in some shim versions opens no directory (`os error 44`); the preload opens "/" for it.
# Unlike the fixtures above, this one is not byte-reproducible: its Wizer snapshot differs from build
# to build (see FIXTURES.md).
cjs="$FSSDK_JCO_HOME/node_modules/@bytecodealliance/componentize-js/src/cli.js"
cat > "$tmp/preopen.mjs" <<JS
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
const shim = createRequire('$cjs').resolve('@bytecodealliance/preview2-shim/filesystem');
(await import(pathToFileURL(shim).href))._addPreopen('/', '/');
JS
node --import "$tmp/preopen.mjs" "$cjs" starlingmonkey.js --wit starlingmonkey.wit \
    -n greeter -o starlingmonkey.wasm >/dev/null
fssdk_check starlingmonkey.wasm >/dev/null
fssdk_log "built starlingmonkey.wasm ($(stat -c %s starlingmonkey.wasm) bytes)"
