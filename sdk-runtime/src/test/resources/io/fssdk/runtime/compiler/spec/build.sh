#!/usr/bin/env bash
# Rebuilds spec-core.zip: the WebAssembly core spec tests (MVP + bulk memory + reference types) converted by
# wabt's wast2json (Debian package `wabt`, 1.0.32) into JSON command scripts plus the .wasm modules they run;
# or, with `simd`, spec-simd.zip: the fixed-width SIMD tests (simd_*.wast), which only our compiler runs
# (Chicory 1.7.5's interpreter has no vector instructions); with `threads`, spec-threads.zip: the threads
# proposal's atomic.wast; with `multi-memory`, spec-multi-memory.zip: that proposal's scripts that run code;
# with `gc`, spec-gc.zip: the GC proposal's scripts that run code (proposals/gc at the testsuite commit Chicory
# 1.7.5's own tests use), converted by wasm-tools' json-from-wast (wast2json 1.0.32 reads no GC syntax), pinned
# in scripts/polyglot-tools.sh and installed by it.
#
# Usage: build.sh <WebAssembly/testsuite checkout> [core|simd|threads|multi-memory|gc]
# The testsuite commit is pinned below: later commits use wasm 3.0 syntax (typed references, GC, memory64) that
# wast2json 1.0.32 cannot read. Only what the compiler tests need is kept: modules that are instantiated and
# invoked. assert_invalid / assert_malformed / assert_unlinkable modules test Chicory's parser, not the
# compiler, so their files are dropped (their commands stay and are counted as skipped).
set -euo pipefail
TESTSUITE=${1:?usage: build.sh <testsuite checkout> [core|simd|threads|multi-memory|gc]}
SUITE=${2:-core}
COMMIT=3a04b2c   # "Update repos (#63)", 2022-11-09
HERE=$(cd "$(dirname "$0")" && pwd)
FILES="address align block br br_if br_table call call_indirect conversions endianness f32 f32_bitwise f32_cmp
f64 f64_bitwise f64_cmp fac float_exprs float_misc float_memory forward func func_ptrs global i32 i64 if
int_exprs labels left-to-right load local_get local_set local_tee loop memory memory_grow memory_size nop return
select stack store switch traps unreachable unwind memory_fill memory_copy memory_init bulk ref_null ref_is_null
ref_func table_get table_set table_size table_grow table_fill table_copy table_init elem data int_literals
float_literals const start unreached-valid"
DIR=
FLAGS=()
CONVERT=(wast2json)
if [ "$SUITE" = simd ]; then
  FILES=$(git -C "$TESTSUITE" ls-tree --name-only "$COMMIT" | sed -n 's/^\(simd_.*\)\.wast$/\1/p')
elif [ "$SUITE" = threads ]; then
  FILES=atomic
  DIR=proposals/threads/
  FLAGS=(--enable-threads)
elif [ "$SUITE" = multi-memory ]; then
  FILES="load store memory_size memory_grow memory-multi data memory imports"
  DIR=proposals/multi-memory/
  FLAGS=(--enable-multi-memory)
elif [ "$SUITE" = gc ]; then
  COMMIT=88e97b0   # "Auto-update for 2025-07-09", the commit Chicory 1.7.5's tests pin
  DIR=proposals/gc/
  # Every script of the proposal except those that only test the binary decoder and the validator.
  FILES=$(git -C "$TESTSUITE" ls-tree --name-only "$COMMIT" "$DIR" | sed -n 's|^proposals/gc/\(.*\)\.wast$|\1|p' \
    | grep -v -x -e binary -e binary-gc -e type-subtyping-invalid -e unreached-invalid)
  . "$HERE/../../../../../../../../../scripts/polyglot-tools.sh"
  fssdk_ensure_wast_tools
  CONVERT=("$FSSDK_WAST_TOOLS" json-from-wast)
  FLAGS=(--wasm-dir .)
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
for f in $FILES; do
  git -C "$TESTSUITE" show "$COMMIT:$DIR$f.wast" > "$WORK/$f.wast"
  (cd "$WORK" && "${CONVERT[@]}" ${FLAGS[@]+"${FLAGS[@]}"} "$f.wast" -o "$f.json" > /dev/null)
done
python3 - "$WORK" <<'PY'
import json, os, sys
work = sys.argv[1]
keep = set()
for name in os.listdir(work):
    if not name.endswith('.json'):
        continue
    script = json.load(open(os.path.join(work, name)))
    for c in script['commands']:
        if c['type'] in ('module',) and 'filename' in c:
            keep.add(c['filename'])
    # json-from-wast writes a non-null reference pattern such as (ref.extern) or (ref.func) as null; wast2json
    # never does. Read the assertion's own text (to the next command): a null it does not spell is any non-null
    # reference.
    wast = open(os.path.join(work, name[:-5] + '.wast')).read().split('\n')
    commands = script['commands']
    changed = False
    for k, c in enumerate(commands):
        end = commands[k + 1]['line'] - 1 if k + 1 < len(commands) else len(wast)
        text = '\n'.join(wast[c['line'] - 1:end])
        for e in c.get('expected', []):
            if e.get('value') == 'null' and 'ref.null' not in text:
                del e['value']
                changed = True
    if changed:
        json.dump(script, open(os.path.join(work, name), 'w'), indent=1)
for name in os.listdir(work):
    if (name.endswith('.wasm') or name.endswith('.wat')) and name not in keep:
        os.remove(os.path.join(work, name))
    elif name.endswith('.wast'):
        os.remove(os.path.join(work, name))
PY
rm -f "$HERE/spec-$SUITE.zip"
(cd "$WORK" && zip -q -X -9 "$HERE/spec-$SUITE.zip" ./*)
ls -l "$HERE/spec-$SUITE.zip"
