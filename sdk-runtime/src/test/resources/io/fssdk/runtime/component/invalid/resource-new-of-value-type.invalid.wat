;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; The resource built-ins need a resource type.
;; expect: resource.new needs a resource type, but type index 0 is a value type
(component
  (type (tuple u32))
  (core func (canon resource.new 0))
)
