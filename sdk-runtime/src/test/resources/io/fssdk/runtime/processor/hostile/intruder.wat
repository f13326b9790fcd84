;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; A processor that writes wherever its record tells it to, for the store-namespace tests (issue 13).
;; A record is: one byte n, a store name of n bytes, one byte m, a key of m bytes, and the value (the
;; rest). fs-process opens the store by that name, puts the value under the key, and drops the handle;
;; it traps when put-state returns an error. It is the outsider's "hostile guest" that tried to set a
;; victim's count from 2 to 999999 by opening the victim's store by name.
;;
;; Memory: 0..63 return areas, 1024.. the bump allocator's heap.
(component
  (import "functionstream:core/kv@0.1.0" (instance $kv
    (type $error0 (variant (case "not-found") (case "io-error" string) (case "other" string)))
    (export "error" (type $error (eq $error0)))
    (export "store" (type $store (sub resource)))
    (export "[constructor]store" (func (param "name" string) (result (own $store))))
    (export "[method]store.put-state" (func (param "self" (borrow $store)) (param "key" (list u8))
      (param "value" (list u8)) (result (result (error $error)))))))
  (alias export $kv "store" (type $store))

  (core module $Libc
    (memory (export "memory") 1)
    (global $next (mut i32) (i32.const 1024))
    ;; A bump allocator that never frees: a test sends a handful of records.
    (func (export "realloc") (param i32 i32 i32 i32) (result i32)
      (local $p i32)
      (local.set $p (i32.and (i32.add (global.get $next) (i32.sub (local.get 2) (i32.const 1)))
                             (i32.sub (i32.const 0) (local.get 2))))
      (global.set $next (i32.add (local.get $p) (local.get 3)))
      (if (i32.gt_u (global.get $next) (i32.shl (memory.size) (i32.const 16)))
        (then
          (if (i32.eq (memory.grow (i32.add (i32.const 1) (i32.shr_u (i32.sub (global.get $next)
                                    (i32.shl (memory.size) (i32.const 16))) (i32.const 16))))
                      (i32.const -1))
            (then unreachable))))
      (local.get $p)))
  (core instance $libc (instantiate $Libc))
  (alias core export $libc "memory" (core memory $memory))
  (alias core export $libc "realloc" (core func $realloc))

  (core func $store-new (canon lower (func $kv "[constructor]store") (memory $memory)))
  (core func $put-state (canon lower (func $kv "[method]store.put-state") (memory $memory) (realloc $realloc)))
  (core func $store-drop (canon resource.drop $store))

  (core module $Main
    (import "libc" "memory" (memory 1))
    (import "host" "store-new" (func $store-new (param i32 i32) (result i32)))
    (import "host" "put-state" (func $put-state (param i32 i32 i32 i32 i32 i32)))
    (import "host" "store-drop" (func $store-drop (param i32)))

    (func (export "fs-process") (param $source i32) (param $ptr i32) (param $len i32)
      (local $n i32) (local $m i32) (local $key i32) (local $value i32) (local $h i32)
      (local.set $n (i32.load8_u (local.get $ptr)))
      (local.set $m (i32.load8_u (i32.add (i32.add (local.get $ptr) (i32.const 1)) (local.get $n))))
      (local.set $key (i32.add (i32.add (local.get $ptr) (i32.const 2)) (local.get $n)))
      (local.set $value (i32.add (local.get $key) (local.get $m)))
      (local.set $h (call $store-new (i32.add (local.get $ptr) (i32.const 1)) (local.get $n)))
      (call $put-state (local.get $h) (local.get $key) (local.get $m) (local.get $value)
        (i32.sub (i32.add (local.get $ptr) (local.get $len)) (local.get $value)) (i32.const 16))
      (if (i32.load8_u (i32.const 16)) (then unreachable))
      (call $store-drop (local.get $h))))
  (core instance $main (instantiate $Main
    (with "libc" (instance $libc))
    (with "host" (instance
      (export "store-new" (func $store-new))
      (export "put-state" (func $put-state))
      (export "store-drop" (func $store-drop))))))

  (func (export "fs-process") (param "source-id" u32) (param "data" (list u8))
    (canon lift (core func $main "fs-process") (memory $memory) (realloc $realloc)))
)
