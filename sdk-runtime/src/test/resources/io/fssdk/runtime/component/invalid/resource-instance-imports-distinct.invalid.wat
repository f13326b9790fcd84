;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Two imports of one instance type are two instances, each with its own `handle` resource: a consumer wanting
;; the handle and a function over that same handle cannot take them from different imports.
;; expect: resource types are not the same
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
    (with "open" (func $right "open"))))
)
