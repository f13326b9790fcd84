;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; The type index of a canon lift must name a function type, not a value type.
;; expect: canon lift: type index 0 is a value type, not a func type
(component
  (core module $m (func (export "f")))
  (core instance $i (instantiate $m))
  (type u32)
  (func (type 0) (canon lift (core func $i "f")))
)
