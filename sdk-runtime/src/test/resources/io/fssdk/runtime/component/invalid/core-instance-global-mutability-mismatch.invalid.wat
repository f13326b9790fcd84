;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; A mutable global import cannot be satisfied by an immutable global (nor the other way round).
;; expect: global types differ in mutability: expected (mut i32), found i32
(component
  (core module $lib (global (export "g") i32 (i32.const 7)))
  (core module $use (import "env" "g" (global (mut i32))))
  (core instance $lib (instantiate $lib))
  (core instance (instantiate $use (with "env" (instance $lib))))
)
