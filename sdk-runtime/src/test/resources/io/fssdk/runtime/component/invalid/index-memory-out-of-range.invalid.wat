;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; The memory option must name a defined core memory.
;; expect: canon lower: unknown core memory 0: core memory index out of bounds (0 defined)
(component
  (import "f" (func $f))
  (core func (canon lower (func $f) (memory 0)))
)
