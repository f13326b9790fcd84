;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; `borrow` of a type index that does not exist yet.
;; expect: type index 100 out of range (0 defined)
(component
  (type (borrow 100))
)
