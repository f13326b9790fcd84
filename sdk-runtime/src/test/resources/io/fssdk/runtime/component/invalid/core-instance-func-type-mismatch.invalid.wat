;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; A core function import supplied by an embedded module's export of another signature.
;; expect: import `env` `f`: argument `env` supplies an item of another type: expected: (func (param i32)), found: (func (result i32))
(component
  (core module $lib (func (export "f") (result i32) unreachable))
  (core module $use (import "env" "f" (func (param i32))))
  (core instance $lib (instantiate $lib))
  (core instance (instantiate $use (with "env" (instance $lib))))
)
