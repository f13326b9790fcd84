;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; post-return receives the lifted function's flattened results (here one i32, the string's pointer) and
;; returns nothing: one returning a value is refused.
;; expect: canonical option `post-return` uses a core function with an incorrect signature: core func 2 has type [i32] -> [i32], expected [i32] -> []
(component
  (core module $m
    (memory (export "mem") 1)
    (func (export "f") (result i32) unreachable)
    (func (export "realloc") (param i32 i32 i32 i32) (result i32) unreachable)
    (func (export "post") (param i32) (result i32) unreachable))
  (core instance $i (instantiate $m))
  (func (export "f") (result string)
    (canon lift (core func $i "f") (memory (core memory $i "mem")) (realloc (core func $i "realloc"))
      (post-return (core func $i "post"))))
)
