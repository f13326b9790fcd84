;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; A canon lift of a core function that was never defined.
;; expect: canon lift: unknown core func 0: core func index out of bounds (0 defined)
(component
  (type (func (param "x" u32)))
  (func (type 0) (canon lift (core func 0)))
)
