# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
#
# Shared guest toolchain for fssdk-java's WebAssembly fixtures. Source it from a build script:
#     . "$(git rev-parse --show-toplevel)/scripts/guest-toolchain.sh"
# It makes sure clang-19/wasm-ld-19/wasi-libc/wabt and jco 1.35.0 (+ componentize-js 0.23.0) exist,
# installing only what is missing, and defines the fssdk_* helper functions used by every build.sh.

FSSDK_SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
FSSDK_ROOT="$(cd "$FSSDK_SCRIPTS/.." && pwd)"
FSSDK_JCO_VERSION=1.35.0
FSSDK_CJS_VERSION=0.23.0

fssdk_log() { echo "[guest-toolchain] $*" >&2; }

# apt packages: only installed when a tool or the wasi sysroot is missing (apt needs root).
fssdk_ensure_apt() {
    local missing=()
    command -v clang-19 >/dev/null || missing+=(clang-19)
    command -v wasm-ld-19 >/dev/null || missing+=(lld-19)
    [ -f /usr/lib/wasm32-wasi/libc.a ] || missing+=(wasi-libc)
    [ -f /usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a ] \
        || missing+=(libclang-rt-19-dev-wasm32)
    command -v wat2wasm >/dev/null || missing+=(wabt)
    command -v node >/dev/null || missing+=(nodejs npm)
    command -v cc >/dev/null || missing+=(gcc)  # host compiler for the fixed-entropy shim
    [ ${#missing[@]} -eq 0 ] && return 0
    fssdk_log "installing apt packages: ${missing[*]}"
    local sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}"
}

# jco: prefer a machine-wide /opt/jco of the pinned version, else a private npm prefix.
fssdk_ensure_jco() {
    local dir
    for dir in "${FSSDK_JCO_HOME:-}" /opt/jco "${FSSDK_TOOLS:-$HOME/.fssdk-tools}"; do
        [ -n "$dir" ] || continue
        if [ -x "$dir/node_modules/.bin/jco" ] \
            && [ "$("$dir/node_modules/.bin/jco" --version 2>/dev/null)" = "$FSSDK_JCO_VERSION" ] \
            && [ -d "$dir/node_modules/@bytecodealliance/componentize-js" ]; then
            FSSDK_JCO_HOME="$dir"; export FSSDK_JCO_HOME; return 0
        fi
    done
    FSSDK_JCO_HOME="${FSSDK_TOOLS:-$HOME/.fssdk-tools}"
    fssdk_log "installing jco $FSSDK_JCO_VERSION into $FSSDK_JCO_HOME"
    mkdir -p "$FSSDK_JCO_HOME"
    npm install --no-audit --no-fund --prefix "$FSSDK_JCO_HOME" \
        "@bytecodealliance/jco@$FSSDK_JCO_VERSION" "@bytecodealliance/componentize-js@$FSSDK_CJS_VERSION"
    export FSSDK_JCO_HOME
}

fssdk_jco() { "$FSSDK_JCO_HOME/node_modules/.bin/jco" "$@"; }

# Compile C sources into a WASI reactor core module. No WASI imports appear unless the code uses
# them: wasi-libc's malloc/free/string functions need none. Args: out.wasm src.c [clang flags...]
fssdk_cc_reactor() {
    local out="$1"; shift
    clang-19 --target=wasm32-wasi -mexec-model=reactor -O2 -Wall -Wextra -Werror \
        -Wl,--strip-debug "$@" -o "$out"
}

# Embed a WIT world into a core module through the JS API (the CLI ignores -n and cannot open
# directories; see GUEST-TOOLCHAIN.md). Args: core.wasm wit-file world out.wasm [string-encoding]
fssdk_embed() {
    node "$FSSDK_SCRIPTS/wit-embed.mjs" "$@"
}

# Wrap an embedded core module into a component. Extra args go to jco new (e.g. --wasi-reactor).
fssdk_component_new() {
    local in="$1" out="$2"; shift 2
    fssdk_jco new "$in" -o "$out" "$@" >/dev/null
}

# Run a command with fixed-entropy.c preloaded: componentize-qjs's Wizer snapshot then holds no
# build-time random bytes or clock readings, and two builds of one source are byte-identical.
fssdk_reproducible() {
    local tmp rc=0; tmp="$(mktemp -d)"
    cc -shared -fPIC -O2 "$FSSDK_SCRIPTS/fixed-entropy.c" -o "$tmp/fixed-entropy.so"
    LD_PRELOAD="$tmp/fixed-entropy.so" "$@" || rc=$?
    rm -rf "$tmp"
    return $rc
}

# JS -> component with `jco componentize --backend quickjs`, sync mode (no JSPI/async ABI needed).
# Args: out.wasm src.js wit-file world [extra jco componentize args, e.g. --backend-qjs-stub-wasi]
fssdk_componentize_qjs() {
    local out="$1" js="$2" wit="$3" world="$4"; shift 4
    fssdk_reproducible "$FSSDK_JCO_HOME/node_modules/.bin/jco" componentize "$js" --wit "$wit" \
        -n "$world" --backend quickjs --backend-qjs-disable-async -o "$out" "$@" >/dev/null
    fssdk_check "$out" >/dev/null
    fssdk_log "built $out ($(stat -c %s "$out") bytes)"
}

# The same through componentize-qjs's own CLI (a jco dependency), which also offers --opt-size.
# Args: out.wasm src.js wit-file world [extra componentize-qjs args]
fssdk_componentize_qjs_cli() {
    local out="$1" js="$2" wit="$3" world="$4"; shift 4
    local cli="$FSSDK_JCO_HOME/node_modules/componentize-qjs/cli.mjs"
    [ -f "$cli" ] || cli="$FSSDK_JCO_HOME/node_modules/@bytecodealliance/jco/node_modules/componentize-qjs/cli.mjs"
    fssdk_reproducible node "$cli" --wit "$wit" \
        --js "$js" -n "$world" --sync -o "$out" "$@" >/dev/null
    fssdk_check "$out" >/dev/null
    fssdk_log "built $out ($(stat -c %s "$out") bytes)"
}

# JS -> component with componentize-js (the StarlingMonkey engine, about 12 MB). componentize-js reads
# the WIT through its own WASI shim, which in some shim versions opens no directory (`os error 44`); a
# preload opens "/" for it. The Wizer snapshot differs from build to build (not byte-reproducible).
# Args: out.wasm src.js wit-file world [extra componentize-js args, e.g. -d http -d fetch-event]
fssdk_componentize_js() {
    local out="$1" js="$2" wit="$3" world="$4"; shift 4
    local cjs="$FSSDK_JCO_HOME/node_modules/@bytecodealliance/componentize-js/src/cli.js"
    local tmp; tmp="$(mktemp -d)"
    cat > "$tmp/preopen.mjs" <<JS
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
const shim = createRequire('$cjs').resolve('@bytecodealliance/preview2-shim/filesystem');
(await import(pathToFileURL(shim).href))._addPreopen('/', '/');
JS
    node --import "$tmp/preopen.mjs" "$cjs" "$(realpath "$js")" --wit "$(realpath "$wit")" -n "$world" \
        -o "$(realpath -m "$out")" "$@" >/dev/null
    rm -rf "$tmp"
    fssdk_check "$out" >/dev/null
    fssdk_log "built $out ($(stat -c %s "$out") bytes)"
}

# Path of the WASI 0.2.0 preview1 reactor adapter shipped in jco 1.4.4's npm tarball (jco 1.35's own
# adapter speaks 0.2.12). Fetched once with `npm pack` into ${FSSDK_TOOLS:-$HOME/.fssdk-tools}.
fssdk_adapter_wasi_0_2_0() {
    local dir="${FSSDK_TOOLS:-$HOME/.fssdk-tools}/jco-1.4.4"
    local adapter="$dir/package/lib/wasi_snapshot_preview1.reactor.wasm"
    if [ ! -f "$adapter" ]; then
        mkdir -p "$dir"
        (cd "$dir" && npm pack --silent @bytecodealliance/jco@1.4.4 >/dev/null \
            && tar -xzf bytecodealliance-jco-1.4.4.tgz package/lib/wasi_snapshot_preview1.reactor.wasm)
    fi
    echo "$adapter"
}

# Validate a component: jco wit decodes and validates it (jco parse does not). Prints the WIT.
fssdk_check() {
    fssdk_jco wit "$1" || { fssdk_log "INVALID component: $1"; return 1; }
}

# C source + WIT world -> validated component. Args: out.wasm wit-file world src.c [clang flags...]
# FSSDK_NEW_ARGS (an array, optional) is passed to jco new, e.g. (--wasi-reactor).
fssdk_build_c_component() {
    local out="$1" wit="$2" world="$3"; shift 3
    local tmp; tmp="$(mktemp -d)"
    fssdk_cc_reactor "$tmp/core.wasm" "$@"
    fssdk_embed "$tmp/core.wasm" "$wit" "$world" "$tmp/embedded.wasm"
    fssdk_component_new "$tmp/embedded.wasm" "$out" ${FSSDK_NEW_ARGS[@]+"${FSSDK_NEW_ARGS[@]}"}
    rm -rf "$tmp"
    fssdk_check "$out" >/dev/null
    fssdk_log "built $out ($(stat -c %s "$out") bytes)"
}

# Component text -> binary, then validate. Args: in.wat out.wasm
fssdk_parse_wat() {
    fssdk_jco parse "$1" -o "$2" >/dev/null
    fssdk_check "$2" >/dev/null
    fssdk_log "built $2 ($(stat -c %s "$2") bytes)"
}

fssdk_ensure_apt
fssdk_ensure_jco
