#!/usr/bin/env bash
# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
# Rebuilds the core-module fixtures of the type unifier tests (TypeUnifierTest and friends).
#
# Each X.wat between ";; types:begin" and ";; types:end" declares one type per line. Besides X.wasm,
# the script builds X.rev.wasm from the same text with those lines reversed: the module a correct
# unifier must produce from X when the reversed module comes first. wat2wasm (wabt 1.0.32) builds what
# it can; jco parse (wasm-tools) builds what it cannot (try_table, typed function references, offsets
# over 32 bits, GC).
set -euo pipefail
cd "$(dirname "$0")"
. "$(cd ../../../../../../../../.. && pwd)/scripts/guest-toolchain.sh"

reverse_types() {
    awk '/;; types:begin/ { print; inside = 1; n = 0; next }
         /;; types:end/ { for (i = n; i > 0; i--) print lines[i]; inside = 0 }
         inside { lines[++n] = $0; next }
         { print }' "$1" > "$2"
}

# Args: name tool [wat2wasm flags...]; tool is wat2wasm or jco.
build() {
    local name="$1" tool="$2"; shift 2
    local tmp; tmp="$(mktemp -d)"
    reverse_types "$name.wat" "$tmp/$name.rev.wat"
    for src in "$name.wat:$name.wasm" "$tmp/$name.rev.wat:$name.rev.wasm"; do
        if [ "$tool" = wat2wasm ]; then
            wat2wasm "$@" "${src%%:*}" -o "${src##*:}"
        else
            fssdk_jco parse "${src%%:*}" -o "${src##*:}" >/dev/null
        fi
    done
    rm -rf "$tmp"
    if ! grep -q ';; types:begin' "$name.wat"; then rm "$name.rev.wasm"; fi
    fssdk_log "built $name.wasm"
}

build bug-owner wat2wasm
build bug-filler wat2wasm
build mvp wat2wasm --enable-extended-const
build tail-call wat2wasm --enable-tail-call
build simd wat2wasm
build relaxed-simd wat2wasm --enable-relaxed-simd
build threads wat2wasm --enable-threads
build legacy-eh wat2wasm --enable-exceptions
build imports wat2wasm --enable-exceptions
build many-types wat2wasm
build memories jco
build eh jco
build eh-all-ref jco
build func-refs jco
build gc jco
build gc-ops jco
