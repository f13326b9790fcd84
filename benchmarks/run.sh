#!/usr/bin/env bash
# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
#
# Builds the benchmarks jar, runs the JMH suite, prints the report (medians, spread, ratios, targets),
# then runs the peer comparison with jco. The full suite takes about 12 minutes on a 2-core machine.
#
#   benchmarks/run.sh                 everything (JMH suite + peer comparison)
#   benchmarks/run.sh --quick         the same, shorter iterations: numbers for a smoke test, not for BENCHMARKS.md
#   benchmarks/run.sh Counter         only benchmarks whose name matches (any JMH arguments work, e.g. -p engine=NATIVE)
#   benchmarks/run.sh --profile       JFR profile of the counter (component on RocksDB, and native), hot methods
#
# Results: benchmarks/target/results.json (JMH), benchmarks/target/report.md (the tables of BENCHMARKS.md).
# The state-size benchmark keeps its prefilled RocksDB databases in $FSSDK_BENCH_STATE
# (default /tmp/fssdk-bench-state, about 0.5 GB) so that later runs skip the fill; delete it when done.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
JAR="$HERE/target/benchmarks.jar"
OUT="$HERE/target"

QUICK=0; PROFILE=0; PEER=1; ARGS=()
for a in "$@"; do
    case "$a" in
        --quick) QUICK=1 ;;
        --profile) PROFILE=1 ;;
        --no-peer) PEER=0 ;;
        *) ARGS+=("$a") ;;
    esac
done
# A subset run (a regex or JMH options) is for looking at one thing: no peer comparison then.
[ ${#ARGS[@]} -eq 0 ] || PEER=0

echo "[bench] building $JAR" >&2
(cd "$ROOT" && mvn -B -q -Pbenchmarks -DskipTests package -pl benchmarks -am >&2)
mkdir -p "$OUT"
cd "$OUT"

if [ "$PROFILE" = 1 ]; then
    for engine in WASM_COMPILER NATIVE; do
        rec="$OUT/profile-$engine.jfr"
        echo "[bench] profiling the counter ($engine, RocksDB) into $rec" >&2
        java -jar "$JAR" CounterBenchmark -p engine="$engine" -p backend=ROCKSDB -wi 3 -i 5 -f 1 \
            -jvmArgsAppend "-XX:StartFlightRecording=filename=$rec,settings=profile,dumponexit=true" >&2
        echo "## Counter, $engine, RocksDB: hottest methods (JFR execution samples)"
        java -cp "$JAR" io.fssdk.benchmarks.JfrTop "$rec" 25
    done
    exit 0
fi

JMH=(-rf json -rff "$OUT/results.json")
if [ "$QUICK" = 1 ]; then
    # One short fork per benchmark (so cold start gets one sample instead of six).
    JMH+=(-wi 1 -w 1 -i 3 -r 1 -f 1)
fi
# Other work on a shared machine moves every number; the 1-minute load average, sampled through the
# run, goes into the report so a reader can tell a quiet run from a busy one.
LOAD="$OUT/loadavg.txt"
: >"$LOAD"
(while true; do cut -d' ' -f1 /proc/loadavg >>"$LOAD"; sleep 10; done) &
SAMPLER=$!
trap 'kill "$SAMPLER" 2>/dev/null || true' EXIT
echo "[bench] running JMH ${ARGS[*]:-(all benchmarks)}" >&2
java -jar "$JAR" "${JMH[@]}" ${ARGS[@]+"${ARGS[@]}"} >&2
kill "$SAMPLER" 2>/dev/null || true
java -cp "$JAR" io.fssdk.benchmarks.BenchReport "$OUT/results.json" "$LOAD" | tee "$OUT/report.md"

if [ "$PEER" = 1 ]; then
    echo
    echo "### Peer comparison: jco 1.4.4 on node"
    echo
    echo '```'
    if [ "$QUICK" = 1 ]; then "$HERE/peer/run.sh" 2 3; else "$HERE/peer/run.sh"; fi
    echo '```'
fi
