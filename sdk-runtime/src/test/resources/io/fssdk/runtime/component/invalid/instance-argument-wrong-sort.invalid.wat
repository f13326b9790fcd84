;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; An instantiation argument must have the sort of the import it supplies.
;; expect: instantiation argument `x` is an instance, but the import is a func
(component
  (component $c (import "x" (func)))
  (instance $empty)
  (instance (instantiate $c (with "x" (instance $empty))))
)
