;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Core start functions run during component instantiation, in instance order, exactly once.
;; `$a`'s start sets a global to 42; `$b`'s start calls into `$a` (bump), so a host that skips or
;; repeats start functions, or runs them out of order, returns something other than 42 and 1.
;; This is the shape of jco new's fixup module, whose start function fills the import table.
(component
  (core module $a
    (global $value (mut i32) (i32.const 0))
    (global $bumps (mut i32) (i32.const 0))
    (func $init (global.set $value (i32.const 42)))
    (start $init)
    ;; Traps if $a's start has not run yet, so the order is checked too.
    (func (export "bump")
      (if (i32.ne (global.get $value) (i32.const 42)) (then unreachable))
      (global.set $bumps (i32.add (global.get $bumps) (i32.const 1))))
    (func (export "value") (result i32) (global.get $value))
    (func (export "bumps") (result i32) (global.get $bumps)))
  (core instance $a (instantiate $a))

  (core module $b
    (import "a" "bump" (func $bump))
    (start $bump))
  (core instance $b (instantiate $b (with "a" (instance $a))))

  (func (export "value") (result u32) (canon lift (core func $a "value")))
  (func (export "start-calls") (result u32) (canon lift (core func $a "bumps")))
)
