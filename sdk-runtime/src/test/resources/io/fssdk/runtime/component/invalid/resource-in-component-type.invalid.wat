;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Resource types are only defined by components, not by component types.
;; expect: resource types can only be defined in a component, not in a component type
(component
  (type (component (type (resource (rep i32)))))
)
