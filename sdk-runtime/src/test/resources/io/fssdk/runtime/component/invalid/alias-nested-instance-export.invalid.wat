;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; The exports of an instantiated nested component are known, so aliasing a missing one is caught.
;; expect: instance 0 has no export named `nope`
(component
  (component $c
    (core module $m (func (export "f")))
    (core instance $i (instantiate $m))
    (func (export "f") (canon lift (core func $i "f"))))
  (instance $c (instantiate $c))
  (alias export $c "nope" (func))
)
