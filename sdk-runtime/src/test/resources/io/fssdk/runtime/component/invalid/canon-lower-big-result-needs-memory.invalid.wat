;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; A result of 8 u64s is written through an out-pointer into guest memory.
;; expect: canonical option `memory` is required: the result flattens to more than 1 value
(component
  (import "f" (func $f (result (tuple u64 u64 u64 u64 u64 u64 u64 u64))))
  (core func (canon lower (func $f)))
)
