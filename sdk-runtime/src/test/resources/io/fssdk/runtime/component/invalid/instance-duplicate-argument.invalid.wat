;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Each instantiation argument is named once.
;; expect: instantiation argument `x` is given twice
(component
  (import "f" (func $f))
  (component $c (import "x" (func)))
  (instance (instantiate $c (with "x" (func $f)) (with "x" (func $f))))
)
