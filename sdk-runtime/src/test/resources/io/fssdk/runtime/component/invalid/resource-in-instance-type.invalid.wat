;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Resource types are only defined by components; types declare them abstractly with `sub resource`.
;; expect: resource types can only be defined in a component, not in an instance type
(component
  (type (instance (type (resource (rep i32)))))
)
