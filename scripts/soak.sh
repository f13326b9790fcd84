#!/usr/bin/env bash
# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
#
# The soak test of RELIABILITY.md: 8 copies of the C counter component (examples/guests/c/counter.wasm) on
# one RocksDB backend, 1,000,000 records each, every operator restarted (runner and guest instance) every
# 10,000 records. Prints records/s, open file descriptors, RSS, live heap and threads at the baseline (after
# the first restart cycle) and at the end; exits 1 if a count is wrong or a figure grew past its bound
# (io.fssdk.benchmarks.Sample). About 5 minutes on 2 idle cores.
#
# Usage: scripts/soak.sh [operators] [records per operator] [restart every]
# Builds the benchmarks jar first if it is missing (Maven profile `benchmarks`).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAR="$ROOT/benchmarks/target/benchmarks.jar"
if [ ! -f "$JAR" ]; then
    (cd "$ROOT" && mvn -B -q -Pbenchmarks -DskipTests package -pl benchmarks -am)
fi
exec java -Xmx2g -cp "$JAR" io.fssdk.benchmarks.SoakRun "$@"
