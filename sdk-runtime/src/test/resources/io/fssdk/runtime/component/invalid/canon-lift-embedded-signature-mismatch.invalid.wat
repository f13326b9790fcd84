;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; The lifted function of an embedded module has a parameter the component-level type does not flatten to:
;; its signature is known from the module's export section, not only at link time.
;; expect: lowered parameter types `[]` do not match parameter types `[I32]`: core func 0 has type [i32] -> []
(component
  (core module $m (func (export "f") (param i32)))
  (core instance $i (instantiate $m))
  (func (export "f") (canon lift (core func $i "f")))
)
