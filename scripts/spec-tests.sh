#!/usr/bin/env bash
# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
#
# Runs the component-model reference tests (every suite under test/ of github.com/WebAssembly/component-model:
# async, binary, linking, resources, validation, values) against the engine, from a LOCAL git copy of that
# repository: nothing is downloaded and the .wast files never enter this tree. It fails loudly when it cannot
# run them (no mirror, no jco, no report, zero directives): a run of nothing is not a pass.
#
# Usage: scripts/spec-tests.sh [component-model git dir] [-- extra maven args]
#   default git dir: /work/.mirror/WebAssembly+component-model/repo (a bare mirror or a checkout)
# Environment:
#   SPEC_REF     revision of the suites to extract (default HEAD)
#   SPEC_SUITES  comma-separated suites (default: every directory of test/ that holds .wast files)
#   SPEC_VERBOSE true: the report lists every directive of each failure class, not one example
#   FSSDK_JCO    the jco binary that turns component text into binary (default: /opt/jco, then the
#                private install of scripts/guest-toolchain.sh under ${FSSDK_TOOLS:-$HOME/.fssdk-tools})
#   MVN          maven command (default mvn)
# Prints the per-suite summary (also in sdk-runtime/target/spec-report.txt) and exits with Maven's status,
# which is non-zero when any directive failed; "passed loosely" (refused for another reason, or only at
# instantiation) is its own column, not a pass.
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

if [ -z "${FSSDK_JCO:-}" ]; then
    for candidate in /opt/jco/node_modules/.bin/jco "${FSSDK_TOOLS:-$HOME/.fssdk-tools}/node_modules/.bin/jco"; do
        if [ -x "$candidate" ]; then FSSDK_JCO="$candidate"; break; fi
    done
fi
if [ -z "${FSSDK_JCO:-}" ] || [ ! -x "$FSSDK_JCO" ]; then
    echo "spec-tests: no jco found (set FSSDK_JCO, or run scripts/guest-toolchain.sh to install it);" \
        "without it no test can run, and a run of nothing is not a pass" >&2
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
if [ ! -s "$REPORT" ] || ! grep -q '^\[spec\]' "$REPORT"; then
    echo "spec-tests: no report; the suites did not run (see the Maven output above)" >&2
    exit 1
fi
echo
echo "================ component-model reference tests ================"
grep '^\[spec\]' "$REPORT"
echo "(details: $REPORT)"
total="$(grep '^\[spec\]' "$REPORT" | sed -E 's/.* ([0-9]+) directives.*/\1/' | paste -sd+ | bc)"
if [ "${total:-0}" -eq 0 ]; then
    echo "spec-tests: 0 directives ran; that is not a pass" >&2
    exit 1
fi
exit "$status"
