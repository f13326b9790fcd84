#!/usr/bin/env bash
# Runs one coverage-guided fuzz target (Jazzer) for a while: scripts/fuzz.sh TARGET MINUTES
#   TARGET: load   (Component.load + instantiate on arbitrary bytes)
#           driver (a component from the bytes through WasmDriver with the processor imports)
#           config (ProcessorConfig.parse on arbitrary YAML)
#           abi    (abi-fuzz.wasm runs the bytes as calls to every kv and collector import, raw arguments)
# A finding (an input that escapes untyped, or runs out of memory or time) fails the run, and Jazzer writes
# it to sdk-runtime/src/test/resources/<package>/<Class>Inputs/<method>/, where `mvn verify` replays it
# from then on: commit it with the fix. The last libFuzzer status line gives the executions and coverage.
set -uo pipefail
cd "$(dirname "$0")/.."
target="${1:-load}"
minutes="${2:-5}"
case "$target" in
    load) test=io.fssdk.runtime.component.ComponentLoadFuzzTest ;;
    driver) test=io.fssdk.runtime.processor.WasmDriverFuzzTest ;;
    config) test=io.fssdk.runtime.processor.ProcessorConfigFuzzTest ;;
    abi) test=io.fssdk.runtime.processor.CanonicalAbiFuzzTest ;;
    *) echo "unknown target $target (load | driver | config | abi)" >&2; exit 2 ;;
esac
log="$(mktemp)"
# The annotations allow hours; the run is cut at MINUTES, compiling time included.
JAZZER_FUZZ=1 timeout --signal=INT "$((minutes * 60 + 120))" \
    mvn -B -pl sdk-runtime -am test -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1
status=$?
grep -E '^#[0-9]+|crash-|Exception|Tests run:' "$log" | tail -n 15
echo "log: $log (exit $status; 124/130 = stopped at the time limit)"
