;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Each instantiation of a component defining a resource makes a new resource type: the resources of two
;; instances of one component are not interchangeable.
;; expect: resource types are not the same
(component
  (component $maker
    (type $t (resource (rep i32)))
    (export "t" (type $t)))
  (instance $one (instantiate $maker))
  (instance $two (instantiate $maker))
  (component $same
    (import "x" (type $x (sub resource)))
    (import "y" (type (eq $x))))
  (instance (instantiate $same
    (with "x" (type $one "t"))
    (with "y" (type $two "t"))))
)
