;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;; engine: validator only (an imported component, which the engine does not instantiate; fssdk inspect skips it)
;;
;; Look-alikes of the resource generativity rules that hold: a resource and a function over it from the same
;; import of an instance type, from the same instantiation, and an `(eq)` export of a component type that is
;; the same resource as the export it names; two instantiations are each consistent with themselves.
(component
  (type $store (instance
    (export "handle" (type $h (sub resource)))
    (export "open" (func (result (own $h))))))
  (import "left" (instance $left (type $store)))
  (import "right" (instance $right (type $store)))
  (component $consumer
    (import "handle" (type $h (sub resource)))
    (import "open" (func (result (own $h)))))
  (instance (instantiate $consumer
    (with "handle" (type $left "handle"))
    (with "open" (func $left "open"))))
  (instance (instantiate $consumer
    (with "handle" (type $right "handle"))
    (with "open" (func $right "open"))))
  (component $maker
    (type $t (resource (rep i32)))
    (export $t' "t" (type $t))
    (core func $drop (canon resource.drop $t))
    (func (export "take") (param "x" (own $t')) (canon lift (core func $drop))))
  (instance $one (instantiate $maker))
  (instance $two (instantiate $maker))
  (component $taker
    (import "t" (type $t (sub resource)))
    (import "take" (func (param "x" (own $t)))))
  (instance (instantiate $taker (with "t" (type $one "t")) (with "take" (func $one "take"))))
  (instance (instantiate $taker (with "t" (type $two "t")) (with "take" (func $two "take"))))
  (import "pair" (component $pair
    (export "a" (type $a (sub resource)))
    (export "b" (type (eq $a)))))
  (instance $p (instantiate $pair))
  (component $same
    (import "x" (type $x (sub resource)))
    (import "y" (type (eq $x))))
  (instance (instantiate $same (with "x" (type $p "a")) (with "y" (type $p "b"))))
)
