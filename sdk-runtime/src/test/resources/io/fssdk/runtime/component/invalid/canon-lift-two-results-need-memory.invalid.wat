;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; A result flattening to two values is returned through memory.
;; expect: canonical option `memory` is required: the result flattens to more than 1 value
(component
  (core module $m (func (export "f") (result i32) unreachable))
  (core instance $i (instantiate $m))
  (func (result (tuple s8 u8)) (canon lift (core func $i "f")))
)
