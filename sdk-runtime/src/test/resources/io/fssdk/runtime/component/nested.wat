;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Component nesting: a nested component `$inner`, instantiated twice with different imports; an
;; `alias outer` to a core module and a type of the enclosing component; core instances built from
;; inline exports; component instances exported, and one assembled from inline exports. A call to
;; `via-base` crosses from one inner component into a function lifted by a sibling component
;; (`$base-c`): the spec forbids a child calling its parent's lifted functions, not siblings.
(component $root
  (type $num u32)
  ;; Shared by the inner component through `alias outer`.
  (core module $math
    (func (export "double") (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2))))

  (core module $base
    (func (export "inc") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
    (func (export "ten-x") (param i32) (result i32) (i32.mul (local.get 0) (i32.const 10))))
  (component $base-c
    (alias outer $root $base (core module $base))
    (core instance $base (instantiate $base))
    (func (export "inc") (param "x" u32) (result u32) (canon lift (core func $base "inc")))
    (func (export "ten-x") (param "x" u32) (result u32) (canon lift (core func $base "ten-x"))))
  (instance $base-i (instantiate $base-c))
  (alias export $base-i "inc" (func $inc))
  (alias export $base-i "ten-x" (func $ten-x))

  (component $inner
    (alias outer $root $math (core module $math))
    (alias outer $root $num (type $num))
    (import "base" (func $base (param "x" $num) (result $num)))
    (core instance $math (instantiate $math))
    (core func $base (canon lower (func $base)))
    ;; A core instance that is not an instantiation: just a bag of exports.
    (core instance $env (export "base" (func $base)))
    (core module $n
      (import "env" "base" (func $base (param i32) (result i32)))
      (global $calls (mut i32) (i32.const 0))  ;; per instance: shows the two instances apart
      (func (export "via-base") (param i32) (result i32)
        (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
        (call $base (local.get 0)))
      (func (export "calls") (result i32) (global.get $calls)))
    (core instance $n (instantiate $n (with "env" (instance $env))))
    (func (export "double") (param "x" $num) (result $num) (canon lift (core func $math "double")))
    (func (export "via-base") (param "x" $num) (result $num) (canon lift (core func $n "via-base")))
    (func (export "calls") (result u32) (canon lift (core func $n "calls")))
  )
  (instance $first (instantiate $inner (with "base" (func $inc))))
  (instance $second (instantiate $inner (with "base" (func $ten-x))))
  (export "first" (instance $first))
  (export "second" (instance $second))

  ;; A component instance made of inline exports, pulling functions out of both instances.
  (alias export $first "double" (func $double))
  (alias export $second "via-base" (func $second-via-base))
  (instance $bundle
    (export "double" (func $double))
    (export "ten-x" (func $second-via-base)))
  (export "test:nested/bundle" (instance $bundle))
  ;; And one function re-exported at the top level.
  (export "double" (func $double))
)
