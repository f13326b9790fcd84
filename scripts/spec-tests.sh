#!/usr/bin/env bash
# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
#
# Runs the component-model reference tests (test/values, test/resources, test/binary of
# github.com/WebAssembly/component-model) against the engine, from a LOCAL git copy of that repository:
# nothing is downloaded and the .wast files never enter this tree.
#
# Usage: scripts/spec-tests.sh [component-model git dir] [-- extra maven args]
#   default git dir: /work/.mirror/WebAssembly+component-model/repo (a bare mirror or a checkout)
# Environment:
#   SPEC_REF     revision of the suites to extract (default HEAD)
#   SPEC_SUITES  comma-separated suites (default values,resources,binary)
#   SPEC_VERBOSE true: the report lists every directive of each failure class, not one example
#   FSSDK_JCO    the jco binary that turns component text into binary (default /opt/jco/node_modules/.bin/jco)
#   MVN          maven command (default mvn)
# Prints the per-suite summary (also in sdk-runtime/target/spec-report.txt) and exits with Maven's status,
# which is non-zero when any directive failed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MIRROR="/work/.mirror/WebAssembly+component-model/repo"
if [ $# -gt 0 ] && [ "$1" != "--" ]; then
    MIRROR="$1"
    shift
fi
[ "${1:-}" = "--" ] && shift
REF="${SPEC_REF:-HEAD}"

if ! git -C "$MIRROR" rev-parse --verify -q "$REF^{commit}" >/dev/null; then
    echo "spec-tests: $MIRROR is not a git repository with revision $REF" >&2
    exit 2
fi

SPEC_TMP="$(mktemp -d "${TMPDIR:-/tmp}/fssdk-spec.XXXXXX")"
trap 'rm -rf "$SPEC_TMP"' EXIT
git -C "$MIRROR" archive "$REF" test | tar -x -C "$SPEC_TMP"
export FSSDK_SPEC_DIR="$SPEC_TMP/test"
echo "spec-tests: suites of $(git -C "$MIRROR" rev-parse --short "$REF^{commit}") extracted to $FSSDK_SPEC_DIR" >&2

cd "$ROOT"
status=0
"${MVN:-mvn}" -B -o -pl sdk-runtime -am test \
    -Dtest=SpecSuiteTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dfssdk.spec.dir="$FSSDK_SPEC_DIR" \
    ${SPEC_SUITES:+-Dfssdk.spec.suites="$SPEC_SUITES"} \
    ${SPEC_VERBOSE:+-Dfssdk.spec.verbose="$SPEC_VERBOSE"} \
    ${FSSDK_JCO:+-Dfssdk.jco="$FSSDK_JCO"} \
    "$@" || status=$?

REPORT="$ROOT/sdk-runtime/target/spec-report.txt"
if [ -s "$REPORT" ]; then
    echo
    echo "================ component-model reference tests ================"
    grep '^\[spec\]' "$REPORT"
    echo "(details: $REPORT)"
else
    echo "spec-tests: no report; the suites did not run (see the Maven output above)" >&2
fi
exit "$status"
