;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; canon lower's realloc (the host allocates the string result in the guest) must have realloc's signature too.
;; expect: canon lower: canonical option `realloc` uses a core function with an incorrect signature: core func 0 has type [i32 i32 i32 i32] -> [], expected [i32 i32 i32 i32] -> [i32]
(component
  (import "g" (func $g (result string)))
  (core module $m
    (memory (export "mem") 1)
    (func (export "realloc") (param i32 i32 i32 i32)))
  (core instance $i (instantiate $m))
  (core func (canon lower (func $g) (memory (core memory $i "mem")) (realloc (core func $i "realloc"))))
)
