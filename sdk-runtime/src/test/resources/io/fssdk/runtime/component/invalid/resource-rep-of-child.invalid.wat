;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; A resource exported by a nested component's instance belongs to that instance, not to this component.
;; expect: canon resource.rep: type index 0 is not a local resource
(component
  (component $c
    (type $r (resource (rep i32)))
    (export "r" (type $r)))
  (instance $c (instantiate $c))
  (alias export $c "r" (type))
  (core func (canon resource.rep 0))
)
