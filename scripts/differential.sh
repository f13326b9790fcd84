#!/usr/bin/env bash
# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
#
# Differential testing of the wasm->JVM compiler against Chicory's interpreter, long form (issue 10): runs
# DifferentialTest for MINUTES minutes over seeds SEED, SEED+1, ... instead of its fixed quick list, and prints
# the programs tried, calls compared and mismatches found (each mismatch with its seed, to replay with
# -Dfssdk.diff.seed=N -Dfssdk.diff.count=1). Runs niced and offline; exits with Maven's status, non-zero when
# any mismatch was found.
#
# Usage: scripts/differential.sh MINUTES [SEED]   (SEED defaults to the current epoch second)
# Environment: MVN  maven command (default mvn)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ $# -lt 1 ] || ! [[ "$1" =~ ^[0-9]+$ ]] || [ "$1" -lt 1 ]; then
    echo "usage: $0 MINUTES [SEED]  (MINUTES a positive whole number)" >&2
    exit 2
fi
MINUTES="$1"
SEED="${2:-$(date +%s)}"
if ! [[ "$SEED" =~ ^[0-9]+$ ]]; then
    echo "SEED must be a non-negative whole number, got '$SEED'" >&2
    exit 2
fi
echo "differential: ${MINUTES} min from seed ${SEED}"
cd "$ROOT"
# The summary line and mismatches are the test's own output; Maven's -q hides the rest.
exec nice "${MVN:-mvn}" -o -B -q -pl sdk-runtime test -Dtest=DifferentialTest \
    -Dsurefire.failIfNoSpecifiedTests=false -Dfssdk.diff.minutes="$MINUTES" -Dfssdk.diff.seed="$SEED"
