;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Lowering a string result means the host allocates it in the guest.
;; expect: canonical option `realloc` is required: the result holds a string or list
(component
  (import "f" (func $f (result string)))
  (core module $m (memory (export "mem") 1))
  (core instance $i (instantiate $m))
  (core func (canon lower (func $f) (memory (core memory $i "mem"))))
)
