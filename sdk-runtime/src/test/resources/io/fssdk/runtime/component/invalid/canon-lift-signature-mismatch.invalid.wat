;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Lifting a function whose core type is known (here a lowered import) checks it against the flattening.
;; expect: core func 0 has type [] -> [], but the func type flattens to [i32] -> []
(component
  (import "f" (func $f))
  (core func $f (canon lower (func $f)))
  (func (param "x" u32) (canon lift (core func $f)))
)
