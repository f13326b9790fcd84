;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Lifting a list parameter means the host writes it into guest memory.
;; expect: canon lift: canonical option `memory` is required: a parameter holds a string or list
(component
  (core module $m (func (export "f") (param i32 i32)))
  (core instance $i (instantiate $m))
  (func (param "p" (list u8)) (canon lift (core func $i "f")))
)
