;; A component and its parent may not call each other: the spec traps "for now" on parent-to-child
;; and child-to-parent calls, synchronous ones included (component-model test/async/trap-on-reenter.wast).
;; Siblings may call each other. Exports: `parent-to-child`, `child-to-parent` (both trap) and
;; `sibling` (returns 7 from one child instance calling another).
(component
  ;; parent-to-child: the parent's own core code calls a child's export
  (component $Leaf
    (core module $M (func (export "f") (result i32) (i32.const 7)))
    (core instance $m (instantiate $M))
    (func (export "f") (result u32) (canon lift (core func $m "f")))
  )
  (instance $leaf (instantiate $Leaf))
  (canon lower (func $leaf "f") (core func $leaf-f))
  (core module $Outer
    (import "" "f" (func $f (result i32)))
    (func (export "g") (result i32) (call $f)))
  (core instance $outer (instantiate $Outer (with "" (instance (export "f" (func $leaf-f))))))
  (func (export "parent-to-child") (result u32) (canon lift (core func $outer "g")))

  ;; child-to-parent: a child calls a function its parent lifted from the parent's own core code
  (core module $Inner (func (export "f") (result i32) (i32.const 7)))
  (core instance $inner (instantiate $Inner))
  (func $own-f (result u32) (canon lift (core func $inner "f")))
  (component $Caller
    (import "f" (func $f (result u32)))
    (canon lower (func $f) (core func $f'))
    (core module $M
      (import "" "f" (func $f (result i32)))
      (func (export "g") (result i32) (call $f)))
    (core instance $m (instantiate $M (with "" (instance (export "f" (func $f'))))))
    (func (export "g") (result u32) (canon lift (core func $m "g")))
  )
  (instance $up (instantiate $Caller (with "f" (func $own-f))))
  (alias export $up "g" (func $up-g))
  (export "child-to-parent" (func $up-g))

  ;; siblings: one child calls another child's export, which the spec allows
  (instance $across (instantiate $Caller (with "f" (func $leaf "f"))))
  (alias export $across "g" (func $across-g))
  (export "sibling" (func $across-g))
)
