# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
#
# Pinned host tools for the Go and Python guests, installed once from the registries (crates.io,
# PyPI) into ${FSSDK_TOOLS:-$HOME/.fssdk-tools} and reused afterwards. Source it from a build script;
# each fssdk_ensure_* prints nothing when the tool is already there.

FSSDK_TOOLS="${FSSDK_TOOLS:-$HOME/.fssdk-tools}"
FSSDK_WASM_TOOLS_VERSION=1.263.0
FSSDK_WIT_BINDGEN_VERSION=0.63.0
FSSDK_ADAPTER_VERSION=50.0.1          # wasmtime's preview1 adapter, crate wasi-preview1-component-adapter-provider
FSSDK_COMPONENTIZE_PY_VERSION=0.25.1

fssdk_tlog() { echo "[polyglot-tools] $*" >&2; }

# wasm-tools from crates.io, with only the subcommands the builds use (a full build takes much longer).
fssdk_ensure_wasm_tools() {
    local root="$FSSDK_TOOLS/wasm-tools-$FSSDK_WASM_TOOLS_VERSION"
    if [ ! -x "$root/bin/wasm-tools" ]; then
        fssdk_tlog "cargo install wasm-tools@$FSSDK_WASM_TOOLS_VERSION into $root (several minutes)"
        cargo install --locked --root "$root" "wasm-tools@$FSSDK_WASM_TOOLS_VERSION" --no-default-features \
            --features component,validate,print,parse,wit-component,strip,objdump,metadata
    fi
    FSSDK_WASM_TOOLS="$root/bin/wasm-tools"
}

# wasm-tools with its spec-script converter (json-from-wast) only, for the GC spec fixture
# (sdk-runtime/.../compiler/spec/build.sh gc); kept apart from the build above, whose features it lacks.
fssdk_ensure_wast_tools() {
    local root="$FSSDK_TOOLS/wasm-tools-wast-$FSSDK_WASM_TOOLS_VERSION"
    if [ ! -x "$root/bin/wasm-tools" ]; then
        fssdk_tlog "cargo install wasm-tools@$FSSDK_WASM_TOOLS_VERSION (wast) into $root (several minutes)"
        cargo install --locked --root "$root" "wasm-tools@$FSSDK_WASM_TOOLS_VERSION" --no-default-features \
            --features wast
    fi
    FSSDK_WAST_TOOLS="$root/bin/wasm-tools"
}

# wit-bindgen with only its Go generator.
fssdk_ensure_wit_bindgen() {
    local root="$FSSDK_TOOLS/wit-bindgen-$FSSDK_WIT_BINDGEN_VERSION"
    if [ ! -x "$root/bin/wit-bindgen" ]; then
        fssdk_tlog "cargo install wit-bindgen-cli@$FSSDK_WIT_BINDGEN_VERSION into $root (several minutes)"
        cargo install --locked --root "$root" "wit-bindgen-cli@$FSSDK_WIT_BINDGEN_VERSION" --no-default-features \
            --features go
    fi
    FSSDK_WIT_BINDGEN="$root/bin/wit-bindgen"
}

# The preview1 -> WASI 0.2 reactor adapter, from the crate's artefacts/ (cargo fetches the crate; a
# throw-away package that depends on it exact-pinned makes cargo do so).
fssdk_ensure_adapter() {
    local dir="$FSSDK_TOOLS/wasi-adapter-$FSSDK_ADAPTER_VERSION"
    FSSDK_ADAPTER="$dir/wasi_snapshot_preview1.reactor.wasm"
    [ -f "$FSSDK_ADAPTER" ] && return 0
    fssdk_tlog "fetching crate wasi-preview1-component-adapter-provider@$FSSDK_ADAPTER_VERSION"
    local tmp; tmp="$(mktemp -d)"
    mkdir -p "$tmp/src" "$dir"
    printf '[package]\nname = "fetch-adapter"\nversion = "0.0.0"\nedition = "2021"\n[dependencies]\nwasi-preview1-component-adapter-provider = "=%s"\n' \
        "$FSSDK_ADAPTER_VERSION" > "$tmp/Cargo.toml"
    : > "$tmp/src/lib.rs"
    (cd "$tmp" && cargo fetch -q)
    local crate
    crate="$(ls "${CARGO_HOME:-$HOME/.cargo}"/registry/cache/*/wasi-preview1-component-adapter-provider-"$FSSDK_ADAPTER_VERSION".crate | head -1)"
    tar -xzf "$crate" -C "$tmp" \
        "wasi-preview1-component-adapter-provider-$FSSDK_ADAPTER_VERSION/artefacts/wasi_snapshot_preview1.reactor.wasm"
    cp "$tmp/wasi-preview1-component-adapter-provider-$FSSDK_ADAPTER_VERSION/artefacts/wasi_snapshot_preview1.reactor.wasm" \
        "$FSSDK_ADAPTER"
    rm -rf "$tmp"
}

# componentize-py in a private virtualenv (the wheel bundles CPython for wasm32-wasip2; no network at build).
fssdk_ensure_componentize_py() {
    local venv="$FSSDK_TOOLS/componentize-py-$FSSDK_COMPONENTIZE_PY_VERSION"
    if [ ! -x "$venv/bin/componentize-py" ]; then
        fssdk_tlog "pip install componentize-py==$FSSDK_COMPONENTIZE_PY_VERSION into $venv"
        python3 -m venv "$venv"
        "$venv/bin/pip" install -q "componentize-py==$FSSDK_COMPONENTIZE_PY_VERSION"
    fi
    FSSDK_COMPONENTIZE_PY="$venv/bin/componentize-py"
}
