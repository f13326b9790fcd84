;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; canon lower of a component function that does not exist.
;; expect: canon lower: unknown func 3: func index out of bounds (0 defined)
(component
  (core func (canon lower (func 3)))
)
