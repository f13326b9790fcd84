;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; A destructor must be a defined core function.
;; expect: unknown core func 100: core func index out of bounds (0 defined)
(component
  (type (resource (rep i32) (dtor (core func 100))))
)
