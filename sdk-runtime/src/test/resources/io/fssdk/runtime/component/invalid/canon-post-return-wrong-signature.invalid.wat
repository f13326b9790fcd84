;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; post-return takes the lifted function's flat results; this lowered function takes nothing.
;; expect: canonical option `post-return` uses a core function with an incorrect signature: core func 0 has type [] -> [], expected [i32] -> []
(component
  (import "f" (func $f))
  (core func $f (canon lower (func $f)))
  (core module $m (func (export "g") (result i32) unreachable))
  (core instance $i (instantiate $m))
  (func (result u32) (canon lift (core func $i "g") (post-return (core func $f))))
)
