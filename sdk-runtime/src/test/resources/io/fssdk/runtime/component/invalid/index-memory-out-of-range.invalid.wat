;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; The memory option must name a defined core memory.
;; expect: canon lower: core memory index 0 out of range (0 defined)
(component
  (import "f" (func $f))
  (core func (canon lower (func $f) (memory 0)))
)
