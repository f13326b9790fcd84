#!/usr/bin/env bash
# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
#
# Builds the benchmarks jar, runs the JMH suite, prints the report (medians, spread, ratios, targets),
# then runs the peer comparison (jco, wasmtime, JDK 17 and 25). About 22 minutes on a 2-core machine. See BENCHMARKS.md.
#
#   benchmarks/run.sh                 everything: JMH suite + report + peer comparison
#   benchmarks/run.sh --quick         the same with short iterations (about 4 minutes): a smoke test,
#                                     not numbers for BENCHMARKS.md
#   benchmarks/run.sh Counter         only the benchmarks matching a regex; any JMH option works too,
#                                     e.g. `benchmarks/run.sh CounterBenchmark -p engine=NATIVE`
#   benchmarks/run.sh --profile       JFR profiles (counter on RocksDB, component and native; the
#                                     canonical-ABI path) summarised into hot-method tables
#   --no-peer                         skips the peer comparison
#   --jdk PATH                        the JDK that builds the jar AND runs the benchmarks (default:
#                                     $JAVA_HOME, else the java on PATH); passed on to peer/run.sh
#
# Output: benchmarks/target/results.json (JMH), report.md (the tables of BENCHMARKS.md), profile.md.
# The state-size benchmark keeps its prefilled RocksDB databases (about 100 MB) in $FSSDK_BENCH_STATE,
# default /tmp/fssdk-bench-state, so that later runs skip the 40-second fill; delete it when done.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
JAR="$HERE/target/benchmarks.jar"
OUT="$HERE/target"

QUICK=0; PROFILE=0; PEER=1; ARGS=(); JDK="${JAVA_HOME:-}"
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) QUICK=1 ;;
        --profile) PROFILE=1 ;;
        --no-peer) PEER=0 ;;
        --jdk) JDK="$2"; shift ;;
        *) ARGS+=("$1") ;;
    esac
    shift
done
# One JDK for everything: the one that builds is the one that runs (it used to build with $JAVA_HOME and
# run the java on PATH).
if [ -n "$JDK" ]; then JAVA="$JDK/bin/java"; else JAVA="$(command -v java)"; fi
[ -x "$JAVA" ] || { echo "[bench] no java at $JAVA" >&2; exit 2; }
echo "[bench] running on $("$JAVA" -version 2>&1 | head -1)" >&2
# A subset run (a regex or JMH options) is for looking at one thing: no peer comparison then.
[ ${#ARGS[@]} -eq 0 ] || PEER=0

echo "[bench] building $JAR" >&2
(cd "$ROOT" && ${JDK:+env JAVA_HOME="$JDK"} mvn -B -q -Pbenchmarks -DskipTests package -pl benchmarks -am >&2)
mkdir -p "$OUT"
cd "$OUT"

if [ "$PROFILE" = 1 ]; then
    # JMH's JFR profiler records the measurement iterations only, with -XX:+DebugNonSafepoints so that
    # samples land on the inlined method that was running; JfrTop aggregates the samples.
    profile() {  # name, then JMH arguments
        local name="$1"; shift
        local dir="$OUT/profile-$name"
        rm -rf "$dir"
        echo "[bench] profiling $name into $dir" >&2
        "$JAVA" -jar "$JAR" "$@" -f 1 -prof "jfr:dir=$dir" >&2
        echo "#### $name: hottest methods (JFR, measurement iterations only)"
        echo
        echo '```'
        "$JAVA" -cp "$JAR" io.fssdk.benchmarks.JfrTop "$(find "$dir" -name '*.jfr' | head -1)" 15
        echo '```'
        echo
    }
    {
        profile counter-wasm-memory CounterBenchmark -p engine=WASM_COMPILER -p backend=MEMORY
        profile counter-native-memory CounterBenchmark -p engine=NATIVE -p backend=MEMORY
        profile counter-wasm-rocksdb CounterBenchmark -p engine=WASM_COMPILER -p backend=ROCKSDB
        profile abi-tax-wasmdriver 'AbiTaxBenchmark.wasmDriver$' -p mode=COMPILER
    } | tee "$OUT/profile.md"
    exit 0
fi

# Other work on a shared machine moves every number; the 1-minute load average, sampled through the
# run, goes into the report so a reader can tell a quiet run from a busy one.
LOAD="$OUT/loadavg.txt"
: >"$LOAD"
(while true; do cut -d' ' -f1 /proc/loadavg >>"$LOAD"; sleep 10; done) &
SAMPLER=$!
trap 'kill "$SAMPLER" 2>/dev/null || true' EXIT
RESULTS=("$OUT/results.json")
rm -f "$OUT"/results*.json
echo "[bench] running JMH ${ARGS[*]:-(all benchmarks)}" >&2
QUICK_OPTS=(-wi 1 -w 1 -i 3 -r 1 -f 1)
if [ "$QUICK" = 1 ] && [ ${#ARGS[@]} -eq 0 ]; then
    # Short iterations and one fork, except cold start, which must stay one shot per fresh JVM: it runs
    # on its own with two forks.
    "$JAVA" -jar "$JAR" -rf json -rff "$OUT/results.json" "${QUICK_OPTS[@]}" -e ColdStart >&2
    "$JAVA" -jar "$JAR" -rf json -rff "$OUT/results-coldstart.json" -f 2 ColdStart >&2
    RESULTS+=("$OUT/results-coldstart.json")
elif [ "$QUICK" = 1 ]; then
    "$JAVA" -jar "$JAR" -rf json -rff "$OUT/results.json" "${QUICK_OPTS[@]}" "${ARGS[@]}" >&2
else
    "$JAVA" -jar "$JAR" -rf json -rff "$OUT/results.json" ${ARGS[@]+"${ARGS[@]}"} >&2
fi
kill "$SAMPLER" 2>/dev/null || true
"$JAVA" -cp "$JAR" io.fssdk.benchmarks.BenchReport --load "$LOAD" "${RESULTS[@]}" | tee "$OUT/report.md"

if [ "$PEER" = 1 ]; then
    echo
    echo "### Peer comparison"
    echo
    PEER_ARGS=(${JDK:+--jdk "$JDK"})
    [ "$QUICK" = 1 ] && PEER_ARGS+=(--quick)
    "$HERE/peer/run.sh" ${PEER_ARGS[@]+"${PEER_ARGS[@]}"}
fi
