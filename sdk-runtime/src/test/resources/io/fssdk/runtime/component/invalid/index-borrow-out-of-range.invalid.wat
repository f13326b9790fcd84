;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; `borrow` of a type index that does not exist yet.
;; expect: unknown type 100: type index out of bounds (0 defined)
(component
  (type (borrow 100))
)
