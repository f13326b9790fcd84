;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; 17 flat parameters are passed through memory, which the host must allocate.
;; expect: canonical option `realloc` is required: the parameters flatten to more than 16 values
(component
  (core module $m (memory (export "mem") 1) (func (export "f") (param i32)))
  (core instance $i (instantiate $m))
  (func (param "a" u32) (param "b" u32) (param "c" u32) (param "d" u32) (param "e" u32) (param "f" u32)
        (param "g" u32) (param "h" u32) (param "i" u32) (param "j" u32) (param "k" u32) (param "l" u32)
        (param "m" u32) (param "n" u32) (param "o" u32) (param "p" u32) (param "q" u32)
    (canon lift (core func $i "f") (memory (core memory $i "mem"))))
)
