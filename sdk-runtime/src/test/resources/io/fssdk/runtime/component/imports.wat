;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Host imports of several shapes from `test:host/api@0.2.0`, each called by a `call-*` export
;; that passes its arguments straight through and returns what the host returned. The string,
;; list and result imports make the host allocate in guest memory (through `realloc`) while the
;; import call is in progress. `greet` is lowered twice: once as UTF-8, once as UTF-16.
(component
  (type $api (instance
    (export "add" (func (param "a" u32) (param "b" u32) (result u32)))
    (export "log" (func (param "msg" string)))
    (export "greet" (func (param "name" string) (result string)))
    (export "numbers" (func (param "n" u32) (result (list u32))))
    (export "sum-all" (func (param "a" s8) (param "b" u16) (param "c" s64) (param "d" f32)
      (param "e" f64) (result f64)))
    (export "maybe" (func (param "x" (option u32)) (result (result u32 (error string)))))
  ))
  (import "test:host/api@0.2.0" (instance $api (type $api)))

  ;; Memory and allocator first, so `canon lower` can name them (no shim/fixup tables needed).
  (core module $libc
    (memory (export "memory") 1)
    (global $next (mut i32) (i32.const 128))  ;; 32..127: return areas of the imports below
    (global $reallocs (mut i32) (i32.const 0))
    (func (export "realloc") (param $old i32) (param $old_size i32) (param $align i32) (param $size i32)
      (result i32)
      (local $p i32)
      (global.set $reallocs (i32.add (global.get $reallocs) (i32.const 1)))
      (local.set $p (i32.and (i32.add (global.get $next) (i32.sub (local.get $align) (i32.const 1)))
                             (i32.sub (i32.const 0) (local.get $align))))
      (global.set $next (i32.add (local.get $p) (local.get $size)))
      (if (i32.gt_u (global.get $next) (i32.shl (memory.size) (i32.const 16)))
        (then
          (if (i32.eq (memory.grow (i32.add (i32.const 1) (i32.shr_u (i32.sub (global.get $next)
                                    (i32.shl (memory.size) (i32.const 16))) (i32.const 16))))
                      (i32.const -1))
            (then unreachable))))
      (if (local.get $old)
        (then (memory.copy (local.get $p) (local.get $old)
                (select (local.get $old_size) (local.get $size)
                        (i32.lt_u (local.get $old_size) (local.get $size))))))
      (local.get $p))
    (func (export "realloc-count") (result i32) (global.get $reallocs))
  )
  (core instance $libc (instantiate $libc))
  (alias core export $libc "memory" (core memory $mem))
  (alias core export $libc "realloc" (core func $realloc))

  (core func $add (canon lower (func $api "add")))
  (core func $log (canon lower (func $api "log") (memory $mem)))
  (core func $greet (canon lower (func $api "greet") (memory $mem) (realloc $realloc)))
  (core func $greet16 (canon lower (func $api "greet") (memory $mem) (realloc $realloc)
    string-encoding=utf16))
  (core func $numbers (canon lower (func $api "numbers") (memory $mem) (realloc $realloc)))
  (core func $sum-all (canon lower (func $api "sum-all")))
  (core func $maybe (canon lower (func $api "maybe") (memory $mem) (realloc $realloc)))

  (core module $m
    (import "api" "add" (func $add (param i32 i32) (result i32)))
    (import "api" "log" (func $log (param i32 i32)))
    ;; Results that do not fit one flat value come back through a return pointer (last param).
    (import "api" "greet" (func $greet (param i32 i32 i32)))
    (import "api" "greet16" (func $greet16 (param i32 i32 i32)))
    (import "api" "numbers" (func $numbers (param i32 i32)))
    (import "api" "sum-all" (func $sum-all (param i32 i32 i64 f32 f64) (result f64)))
    (import "api" "maybe" (func $maybe (param i32 i32 i32)))
    (func (export "call-add") (param i32 i32) (result i32)
      (call $add (local.get 0) (local.get 1)))
    (func (export "call-log") (param i32 i32) (call $log (local.get 0) (local.get 1)))
    ;; The import's return area has the layout the export's result needs, so it is returned as is.
    (func (export "call-greet") (param i32 i32) (result i32)
      (call $greet (local.get 0) (local.get 1) (i32.const 32)) (i32.const 32))
    (func (export "call-greet-utf16") (param i32 i32) (result i32)
      (call $greet16 (local.get 0) (local.get 1) (i32.const 48)) (i32.const 48))
    (func (export "call-numbers") (param i32) (result i32)
      (call $numbers (local.get 0) (i32.const 64)) (i32.const 64))
    (func (export "call-sum-all") (param i32 i32 i64 f32 f64) (result f64)
      (call $sum-all (local.get 0) (local.get 1) (local.get 2) (local.get 3) (local.get 4)))
    ;; option<u32> flattens to (tag, value); result<u32, string> is 12 bytes: tag, then payload at 4.
    (func (export "call-maybe") (param i32 i32) (result i32)
      (call $maybe (local.get 0) (local.get 1) (i32.const 80)) (i32.const 80))
  )
  (core instance $i (instantiate $m
    (with "api" (instance
      (export "add" (func $add))
      (export "log" (func $log))
      (export "greet" (func $greet))
      (export "greet16" (func $greet16))
      (export "numbers" (func $numbers))
      (export "sum-all" (func $sum-all))
      (export "maybe" (func $maybe))))))

  (func (export "call-add") (param "a" u32) (param "b" u32) (result u32)
    (canon lift (core func $i "call-add")))
  (func (export "call-log") (param "msg" string)
    (canon lift (core func $i "call-log") (memory $mem) (realloc $realloc)))
  (func (export "call-greet") (param "name" string) (result string)
    (canon lift (core func $i "call-greet") (memory $mem) (realloc $realloc)))
  (func (export "call-greet-utf16") (param "name" string) (result string)
    (canon lift (core func $i "call-greet-utf16") (memory $mem) (realloc $realloc)
      string-encoding=utf16))
  (func (export "call-numbers") (param "n" u32) (result (list u32))
    (canon lift (core func $i "call-numbers") (memory $mem)))
  (func (export "call-sum-all") (param "a" s8) (param "b" u16) (param "c" s64) (param "d" f32)
    (param "e" f64) (result f64)
    (canon lift (core func $i "call-sum-all")))
  (func (export "call-maybe") (param "x" (option u32)) (result (result u32 (error string)))
    (canon lift (core func $i "call-maybe") (memory $mem)))
  (func (export "realloc-count") (result u32) (canon lift (core func $libc "realloc-count")))
)
