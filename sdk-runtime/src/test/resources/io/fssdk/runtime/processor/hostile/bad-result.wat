;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; No processor export returns a variant (the world's results are bool and list<u8>), so a guest cannot
;; hand WasmDriver a bad discriminant. This component exports one function that can, for the engine's
;; own check: `result-of(d)` returns a result<u32, string> whose discriminant byte is `d` and whose u32
;; payload is 42. Discriminants above 1 are invalid.
(component
  (core module $M
    (memory (export "memory") 1)
    (func (export "result-of") (param $d i32) (result i32)
      (i32.store8 (i32.const 16) (local.get $d))
      (i32.store (i32.const 20) (i32.const 42))
      (i32.store (i32.const 24) (i32.const 0))
      (i32.const 16)))
  (core instance $m (instantiate $M))
  (alias core export $m "memory" (core memory $memory))
  (func (export "result-of") (param "d" u32) (result (result u32 (error string)))
    (canon lift (core func $m "result-of") (memory $memory)))
)
