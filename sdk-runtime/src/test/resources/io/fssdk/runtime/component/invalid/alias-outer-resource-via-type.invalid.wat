;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; An instance type that aliases an outer resource mentions it too, and cannot cross into a component.
;; expect: transitively refers to resources
(component $C
  (type $R (resource (rep i32)))
  (type $I (instance (export "r" (type (eq $R)))))
  (component
    (alias outer $C $I (type))
  )
)
