;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Resource identity through nested components, as the validator must see it without instantiating:
;; - this component's own resource, passed into a child that re-exports its import, is still local, so
;;   resource.new and resource.rep on the re-exported type are fine;
;; - a resource the child defines itself may be dropped here, but is not local;
;; - an exported resource keeps its identity under the export's new index, so a method exported with an
;;   ascribed type that borrows the new index names the right resource.
(component
  (core module $m
    (func (export "dtor") (param i32))
    (func (export "id") (param i32) (result i32) local.get 0))
  (core instance $m (instantiate $m))
  (type $r (resource (rep i32) (dtor (core func $m "dtor"))))

  (component $pass
    (import "in" (type $in (sub resource)))
    (export "out" (type $in)))
  (instance $p (instantiate $pass (with "in" (type $r))))
  (alias export $p "out" (type $r2))
  (core func $new (canon resource.new $r2))
  (core func $rep (canon resource.rep $r2))

  (component $own
    (type $o (resource (rep i32)))
    (export "o" (type $o)))
  (instance $o (instantiate $own))
  (alias export $o "o" (type $child))
  (core func $drop-child (canon resource.drop $child))

  (func $make (param "rep" u32) (result (own $r)) (canon lift (core func $new)))
  (func $peek (param "self" (borrow $r)) (result u32) (canon lift (core func $rep)))
  (component $exports
    (import "t" (type $t (sub resource)))
    (import "make" (func $make (param "rep" u32) (result (own $t))))
    (import "peek" (func $peek (param "self" (borrow $t)) (result u32)))
    (export $t' "thing" (type $t))
    (export "[constructor]thing" (func $make) (func (param "rep" u32) (result (own $t'))))
    (export "[method]thing.peek" (func $peek) (func (param "self" (borrow $t')) (result u32))))
  (instance $e (instantiate $exports (with "t" (type $r)) (with "make" (func $make)) (with "peek" (func $peek))))
  (alias export $e "thing" (type $thing))
  (core func (canon resource.rep $thing))
)
