;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; `own` needs a resource type.
;; expect: own needs a resource type, but type index 0 is a value type
(component
  (type u8)
  (type (own 0))
)
