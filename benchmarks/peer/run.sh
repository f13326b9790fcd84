#!/usr/bin/env bash
# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
#
# Peer comparison: the same components on our engine (JDK 17 and JDK 25), on jco 1.4.4 (transpiled to
# JS, on node) and on wasmtime 41.0.3 (Function Stream's engine, the Rust host in wasmtime/), plus native
# Java where it applies. All hosts run at once, each in its own process, and take turns in short windows
# (io.fssdk.benchmarks.PeerRun): ratios are taken per round. Prints one Markdown table, one row per
# workload, and checks that the counters' last output is identical in every host. About 10 minutes.
#
# Usage: benchmarks/peer/run.sh [options]
#   --jdk PATH         the JDK that builds the jar and runs "ours JDK 17" and the native column
#                      (default: $JAVA_HOME, else the java on PATH)
#   --jdk25 PATH       the second JDK (default /usr/lib/jvm/temurin-25-jdk-amd64 if present; "none" skips)
#   --quick            2 s warm-up, 3 rounds: a smoke test, not numbers to quote
#   --warmup S  --rounds N  --window MS     (defaults 6, 8, 1000)
#   --only ID,ID       counter, emit-once, host-get, host-put, js-counter, starlingmonkey
#   --sm FILE          the StarlingMonkey component (default: see SM below); --no-sm skips it
#   --sm-kind K        processor (a counter) or greeter (greet: func(string) -> string)
#   --sm-timeout S     how long each host may take to load StarlingMonkey (default 300)
#   --code-cache DIR   our engine keeps compiled components in DIR (ComponentOptions.codeCache); off by
#                      default, so that the compile column is a cold compile
#   --no-jco, --no-wasmtime
# The wasmtime host is built (cargo, release, locked) into wasmtime/target/ if missing or older than its
# sources; jco is installed from npm into target/ on first use; the benchmarks jar is built if missing
# (or when FSSDK_BENCH_REBUILD=1). The report is also written to benchmarks/peer/target/report.md.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$HERE/target"
JCO_HOME="$WORK/jco-1.4.4"
JCO135_HOME="$WORK/jco-1.35.0"
JAR="$ROOT/benchmarks/target/benchmarks.jar"
PEER_BIN="$HERE/wasmtime/target/release/fssdk-wasmtime-peer"
SM_PROCESSOR="$ROOT/examples/guests/js/counter-starlingmonkey.wasm"
SM_GREETER="$ROOT/sdk-runtime/src/test/resources/io/fssdk/runtime/wasi/starlingmonkey.wasm"

JDK="${JAVA_HOME:-}"; JDK25=""; SM=""; SM_KIND=""; NO_SM=0; NO_JCO=0; NO_WASMTIME=0; RUN_ARGS=()
[ -d /usr/lib/jvm/temurin-25-jdk-amd64 ] && JDK25=/usr/lib/jvm/temurin-25-jdk-amd64
while [ $# -gt 0 ]; do
    case "$1" in
        --jdk) JDK="$2"; shift ;;
        --jdk25) JDK25="$2"; [ "$2" = none ] && JDK25=""; shift ;;
        --quick) RUN_ARGS+=(--warmup 2 --rounds 3) ;;
        --warmup|--rounds|--window|--only|--sm-timeout|--code-cache) RUN_ARGS+=("$1" "$2"); shift ;;
        --sm) SM="$2"; shift ;;
        --sm-kind) SM_KIND="$2"; shift ;;
        --no-sm) NO_SM=1 ;;
        --no-jco) NO_JCO=1 ;;
        --no-wasmtime) NO_WASMTIME=1 ;;
        *) echo "unknown option $1 (see the comment at the top of $0)" >&2; exit 2 ;;
    esac
    shift
done
if [ -n "$JDK" ]; then JAVA="$JDK/bin/java"; else JAVA="$(command -v java)"; fi
[ -x "$JAVA" ] || { echo "[peer] no java at $JAVA" >&2; exit 2; }
mkdir -p "$WORK"

if [ ! -f "$JAR" ] || [ "${FSSDK_BENCH_REBUILD:-0}" = 1 ]; then
    echo "[peer] building the benchmarks jar" >&2
    (cd "$ROOT" && ${JDK:+env JAVA_HOME="$JDK"} mvn -B -q -Pbenchmarks -DskipTests package -pl benchmarks -am >&2)
fi

HOSTS=(--java17 "$JAVA")
[ -n "$JDK25" ] && HOSTS+=(--java25 "$JDK25/bin/java")

# The wasmtime host: a cached release build. A cold build fetches the crates and takes 10-15 minutes
# on 2 cores; later runs reuse wasmtime/target/.
if [ "$NO_WASMTIME" = 0 ]; then
    if [ ! -x "$PEER_BIN" ] || [ -n "$(find "$HERE/wasmtime/src" "$HERE/wasmtime/Cargo.toml" "$HERE/wasmtime/Cargo.lock" \
            "$ROOT/wit" -newer "$PEER_BIN" 2>/dev/null | head -1)" ]; then
        if command -v cargo >/dev/null; then
            echo "[peer] building the wasmtime host (cargo build --release --locked); a cold build takes 10-15 min" >&2
            START=$(date +%s)
            (cd "$HERE/wasmtime" && cargo build --release --locked >&2)
            echo "[peer] wasmtime host built in $(( $(date +%s) - START )) s" >&2
        else
            echo "[peer] no cargo: the wasmtime column is skipped" >&2
        fi
    fi
    [ -x "$PEER_BIN" ] && HOSTS+=(--wasmtime "$PEER_BIN")
fi

if [ -z "$SM" ] && [ "$NO_SM" = 0 ]; then
    if [ -f "$SM_PROCESSOR" ]; then SM="$SM_PROCESSOR"; SM_KIND="${SM_KIND:-processor}";
    elif [ -f "$SM_GREETER" ]; then SM="$SM_GREETER"; SM_KIND="${SM_KIND:-greeter}"; fi
fi
[ "$NO_SM" = 1 ] && SM=""
[ -n "$SM" ] && RUN_ARGS+=(--sm "$SM" --sm-kind "${SM_KIND:-greeter}")

# jco: each component transpiled once into $JCO_HOME/out/<id>/component.js, inside the install so that
# node resolves the WASI shim the greeter imports. A component jco cannot transpile gets <id>.error,
# which the report shows in its cell.
if [ "$NO_JCO" = 0 ] && command -v node >/dev/null; then
    if [ ! -x "$JCO_HOME/node_modules/.bin/jco" ]; then
        echo "[peer] installing @bytecodealliance/jco@1.4.4 into $JCO_HOME" >&2
        mkdir -p "$JCO_HOME"
        npm install --silent --no-audit --no-fund --prefix "$JCO_HOME" @bytecodealliance/jco@1.4.4 >&2
    fi
    OUT="$JCO_HOME/out"
    rm -rf "$OUT"; mkdir -p "$OUT"
    # The output is ES modules; saying so spares node a reparse warning per load.
    echo '{"type": "module"}' >"$OUT/package.json"
    why() { grep -v '^\s*at ' "$1" | grep -v '^\s*$' | grep -iE 'error|unsupported|failed' | head -2 | tr '\n' ' '; }
    transpile() {  # id, component, extra jco options
        local id="$1" wasm="$2"; shift 2
        if "$JCO_HOME/node_modules/.bin/jco" transpile "$wasm" -o "$OUT/$id" --name component --quiet "$@" \
                >"$OUT/$id.log" 2>&1; then
            return
        fi
        # jco 1.4.4 predates extended-const, which QuickJS components use: such a component runs on
        # jco 1.35.0 instead (installed on demand), and its cell says so.
        local reason; reason="$(why "$OUT/$id.log")"
        if [ ! -x "$JCO135_HOME/node_modules/.bin/jco" ]; then
            echo "[peer] installing @bytecodealliance/jco@1.35.0 into $JCO135_HOME" >&2
            mkdir -p "$JCO135_HOME"
            npm install --silent --no-audit --no-fund --prefix "$JCO135_HOME" @bytecodealliance/jco@1.35.0 >&2
        fi
        if "$JCO135_HOME/node_modules/.bin/jco" transpile "$wasm" -o "$OUT/$id" --name component --quiet "$@" \
                >"$OUT/$id.log" 2>&1; then
            echo "jco 1.35.0 transpiled this component; jco 1.4.4 failed: $reason" >"$OUT/$id.note"
        else
            echo "jco 1.4.4: $reason; jco 1.35.0: $(why "$OUT/$id.log")" >"$OUT/$id.error"
        fi
    }
    transpile counter "$ROOT/examples/guests/c/counter.wasm" --instantiation async
    transpile emit-once "$ROOT/benchmarks/guests/emit-once.wasm" --instantiation async
    transpile host-get "$ROOT/benchmarks/guests/host-calls.wasm" --instantiation async
    transpile host-put "$ROOT/benchmarks/guests/host-calls.wasm" --instantiation async
    transpile js-counter "$ROOT/examples/guests/js/counter.wasm" --instantiation async
    if [ -n "$SM" ]; then
        if [ "${SM_KIND:-greeter}" = processor ]; then transpile starlingmonkey "$SM" --instantiation async;
        else transpile starlingmonkey "$SM"; fi
    fi
    HOSTS+=(--node "$(command -v node)" --bench-mjs "$HERE/bench.mjs" --jco-out "$OUT")
fi

echo "[peer] $("$JAVA" -version 2>&1 | head -1)${JDK25:+; $("$JDK25/bin/java" -version 2>&1 | head -1)}; node $(node --version 2>/dev/null || echo none)" >&2
"$JAVA" -cp "$JAR" io.fssdk.benchmarks.PeerRun --root "$ROOT" "${HOSTS[@]}" ${RUN_ARGS[@]+"${RUN_ARGS[@]}"} \
    --out "$WORK/report.md"
