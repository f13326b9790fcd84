;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; A processor that exports only `fs-process`, which echoes each record on the target named by its
;; source id. The host must run it with the other seven exports behaving like the Driver defaults.
(component
  (type $collector (instance
    (export "emit" (func (param "target-id" u32) (param "data" (list u8))))))
  (import "functionstream:core/collector@0.1.0" (instance $collector (type $collector)))

  (core module $libc
    (memory (export "memory") 1)
    (global $next (mut i32) (i32.const 16))
    ;; A bump allocator that never frees: enough for a test's few records.
    (func (export "realloc") (param i32 i32 i32 i32) (result i32)
      (local $p i32)
      (local.set $p (i32.and (i32.add (global.get $next) (i32.sub (local.get 2) (i32.const 1)))
                             (i32.sub (i32.const 0) (local.get 2))))
      (global.set $next (i32.add (local.get $p) (local.get 3)))
      (if (i32.gt_u (global.get $next) (i32.shl (memory.size) (i32.const 16)))
        (then (if (i32.eq (memory.grow (i32.const 1)) (i32.const -1)) (then unreachable))))
      (local.get $p)))
  (core instance $libc (instantiate $libc))
  (alias core export $libc "memory" (core memory $mem))
  (alias core export $libc "realloc" (core func $realloc))

  (core func $emit (canon lower (func $collector "emit") (memory $mem)))
  (core module $m
    (import "collector" "emit" (func $emit (param i32 i32 i32)))
    (func (export "fs-process") (param i32 i32 i32)
      (call $emit (local.get 0) (local.get 1) (local.get 2))))
  (core instance $i (instantiate $m (with "collector" (instance (export "emit" (func $emit))))))

  (func (export "fs-process") (param "source-id" u32) (param "data" (list u8))
    (canon lift (core func $i "fs-process") (memory $mem) (realloc $realloc)))
)
