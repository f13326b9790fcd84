;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; A value type may only refer to value types: here a list of a function type.
;; expect: type index 0 is a func type, not a value type
(component
  (type (func))
  (type (list 0))
)
