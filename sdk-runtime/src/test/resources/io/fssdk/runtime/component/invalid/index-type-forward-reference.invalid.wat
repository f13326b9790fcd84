;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Index spaces grow in definition order: a type cannot refer to a later one.
;; expect: type: unknown type 1: type index out of bounds (0 defined)
(component
  (type (list 1))
  (type u8)
)
