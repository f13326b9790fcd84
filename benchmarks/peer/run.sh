#!/usr/bin/env bash
# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
#
# Peer comparison: the C counter component on node through `jco transpile` (jco 1.4.4, the fastest
# transpiled output we know of, see /work/shared/GUEST-TOOLCHAIN.md) against fssdk-java's engine on the
# in-memory backend, same component, same 100 words, same method (warm-up, then 1-second windows,
# median). Prints both rates and their ratio. Target: fssdk ≥ 1.5× jco.
#
# Usage: benchmarks/peer/run.sh [warmupSeconds] [windows]      (defaults 8 and 10)
# jco is installed from npm into benchmarks/peer/target/ on first use; the benchmarks jar is built if
# missing (or when FSSDK_BENCH_REBUILD=1).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WARMUP="${1:-8}"
WINDOWS="${2:-10}"
WORK="$HERE/target"
JCO_HOME="$WORK/jco-1.4.4"
JAR="$ROOT/benchmarks/target/benchmarks.jar"
WORDS="$ROOT/benchmarks/src/main/resources/io/fssdk/benchmarks/words.txt"

if [ ! -x "$JCO_HOME/node_modules/.bin/jco" ]; then
    echo "[peer] installing @bytecodealliance/jco@1.4.4 into $JCO_HOME" >&2
    mkdir -p "$JCO_HOME"
    npm install --silent --no-audit --no-fund --prefix "$JCO_HOME" @bytecodealliance/jco@1.4.4 >&2
fi
"$JCO_HOME/node_modules/.bin/jco" transpile "$ROOT/examples/guests/c/counter.wasm" \
    -o "$WORK/counter" --name counter --instantiation async --quiet >&2

if [ ! -f "$JAR" ] || [ "${FSSDK_BENCH_REBUILD:-0}" = 1 ]; then
    echo "[peer] building the benchmarks jar" >&2
    (cd "$ROOT" && mvn -B -q -Pbenchmarks -DskipTests package -pl benchmarks -am >&2)
fi

echo "[peer] node $(node --version), jco $("$JCO_HOME/node_modules/.bin/jco" --version); java $(java -version 2>&1 | head -1)" >&2
echo "[peer] ${WARMUP}s warm-up, then ${WINDOWS} one-second windows each" >&2
JCO_LINE="$(node "$HERE/bench.mjs" "$WORK/counter" "$WORDS" "$WARMUP" "$WINDOWS")"
FSSDK_LINE="$(java -cp "$JAR" io.fssdk.benchmarks.PeerMain "$WARMUP" "$WINDOWS" WASM_COMPILER)"
echo "$JCO_LINE"
echo "$FSSDK_LINE"
read -r _ _ JCO_RATE JCO_MIN JCO_MAX <<<"$JCO_LINE"
read -r _ _ FS_RATE FS_MIN FS_MAX <<<"$FSSDK_LINE"
awk -v j="$JCO_RATE" -v jl="$JCO_MIN" -v jh="$JCO_MAX" -v f="$FS_RATE" -v fl="$FS_MIN" -v fh="$FS_MAX" 'BEGIN {
    printf "counter, in-memory store, records/s (median of 1-s windows, min-max):\n"
    printf "  jco 1.4.4 on node : %10.0f  (%.0f-%.0f)\n", j, jl, jh
    printf "  fssdk-java engine : %10.0f  (%.0f-%.0f)\n", f, fl, fh
    r = f / j
    printf "RATIO fssdk / jco = %.2fx (range %.2f-%.2f) -- target >= 1.5x: %s\n", r, fl / jh, fh / jl, (r >= 1.5 ? "MET" : "MISSED")
}'
