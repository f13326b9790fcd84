;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Past the flattening limits: 17 u32 values are more than MAX_FLAT_PARAMS (16), so they travel in
;; memory (the host allocates them with `realloc` for exports; the guest passes a pointer for
;; imports), and tuple<u64, u32> is more than MAX_FLAT_RESULTS (1), so it comes back through a
;; return pointer. Expected results: sum17 -> (sum as u64, 17); sum17-flat -> sum.
(component
  (type $rec17 (record
    (field "f1" u32) (field "f2" u32) (field "f3" u32) (field "f4" u32) (field "f5" u32) (field "f6" u32)
    (field "f7" u32) (field "f8" u32) (field "f9" u32) (field "f10" u32) (field "f11" u32) (field "f12" u32)
    (field "f13" u32) (field "f14" u32) (field "f15" u32) (field "f16" u32) (field "f17" u32)))
  (type $host-big (instance
    (export "rec17" (type $r (eq $rec17)))
    (export "take17" (func (param "r" $r) (result (tuple u64 u32))))))
  (import "test:host/big" (instance $host (type $host-big)))
  ;; Exports name the record through the import: a top-level type export would be a valid
  ;; component, but not one WIT (and so `jco wit`) can describe.
  (alias export $host "rec17" (type $host-rec17))

  (core module $libc
    (memory (export "memory") 1)
    (global $next (mut i32) (i32.const 128))  ;; 16..31 and 64..79: return areas
    ;; Bump allocator; nothing here is ever freed or resized.
    (func (export "realloc") (param i32 i32) (param $align i32) (param $size i32) (result i32)
      (local $p i32)
      (local.set $p (i32.and (i32.add (global.get $next) (i32.sub (local.get $align) (i32.const 1)))
                             (i32.sub (i32.const 0) (local.get $align))))
      (global.set $next (i32.add (local.get $p) (local.get $size)))
      (local.get $p)))
  (core instance $libc (instantiate $libc))
  (alias core export $libc "memory" (core memory $mem))
  (alias core export $libc "realloc" (core func $realloc))
  (core func $take17 (canon lower (func $host "take17") (memory $mem)))

  (core module $m
    (import "libc" "memory" (memory 1))
    ;; Lowered import: one pointer to the 17 params, then the return pointer.
    (import "host" "take17" (func $take17 (param i32 i32)))
    (func $sum (param $p i32) (result i32)
      (local $i i32) (local $s i32)
      (loop $l
        (local.set $s (i32.add (local.get $s)
          (i32.load (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $l (i32.lt_u (local.get $i) (i32.const 17))))
      (local.get $s))
    ;; tuple<u64, u32>: u64 at 0, u32 at 8 (align 8, size 16).
    (func (export "sum17") (param $p i32) (result i32)
      (i64.store (i32.const 16) (i64.extend_i32_u (call $sum (local.get $p))))
      (i32.store (i32.const 24) (i32.const 17))
      (i32.const 16))
    (func (export "sum17-flat") (param $p i32) (result i32) (call $sum (local.get $p)))
    ;; The record the host stored for the export is handed on to the import as is.
    (func (export "call-take17") (param $p i32) (result i32)
      (call $take17 (local.get $p) (i32.const 64))
      (i32.const 64)))
  (core instance $i (instantiate $m
    (with "libc" (instance $libc))
    (with "host" (instance (export "take17" (func $take17))))))

  (func (export "sum17") (param "r" $host-rec17) (result (tuple u64 u32))
    (canon lift (core func $i "sum17") (memory $mem) (realloc $realloc)))
  (func (export "sum17-flat")
    (param "a1" u32) (param "a2" u32) (param "a3" u32) (param "a4" u32) (param "a5" u32) (param "a6" u32)
    (param "a7" u32) (param "a8" u32) (param "a9" u32) (param "a10" u32) (param "a11" u32) (param "a12" u32)
    (param "a13" u32) (param "a14" u32) (param "a15" u32) (param "a16" u32) (param "a17" u32)
    (result u32)
    (canon lift (core func $i "sum17-flat") (memory $mem) (realloc $realloc)))
  (func (export "call-take17") (param "r" $host-rec17) (result (tuple u64 u32))
    (canon lift (core func $i "call-take17") (memory $mem) (realloc $realloc)))
)
