;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; A lowered function has a known core type, which is not realloc's.
;; expect: canonical option `realloc` uses a core function with an incorrect signature: core func 0 has type [] -> [], expected [i32 i32 i32 i32] -> [i32]
(component
  (import "f" (func $f))
  (import "g" (func $g (param "s" string)))
  (core func $f (canon lower (func $f)))
  (core module $m (memory (export "mem") 1) (func (export "g") (param i32 i32)))
  (core instance $i (instantiate $m))
  (func (param "s" string) (canon lift (core func $i "g") (memory (core memory $i "mem")) (realloc (core func $f))))
)
