;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; A realloc exported by an embedded module takes three parameters, not (old ptr, old size, align, new size).
;; expect: canonical option `realloc` uses a core function with an incorrect signature: core func 1 has type [i32 i32 i32] -> [i32], expected [i32 i32 i32 i32] -> [i32]
(component
  (core module $m
    (memory (export "mem") 1)
    (func (export "f") (param i32 i32))
    (func (export "realloc") (param i32 i32 i32) (result i32) unreachable))
  (core instance $i (instantiate $m))
  (func (export "f") (param "s" string)
    (canon lift (core func $i "f") (memory (core memory $i "mem")) (realloc (core func $i "realloc"))))
)
