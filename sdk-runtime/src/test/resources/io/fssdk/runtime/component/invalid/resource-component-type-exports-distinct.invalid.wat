;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Two `(sub resource)` exports of an imported component's type are two resources of each instance of it.
;; expect: resource types are not the same
(component
  (import "maker" (component $maker
    (export "a" (type (sub resource)))
    (export "b" (type (sub resource)))))
  (instance $m (instantiate $maker))
  (component $same
    (import "x" (type $x (sub resource)))
    (import "y" (type (eq $x))))
  (instance (instantiate $same
    (with "x" (type $m "a"))
    (with "y" (type $m "b"))))
)
