;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Globals match only with the same value type.
;; expect: expected global type i32, found i64
(component
  (core module $lib (global (export "g") i64 (i64.const -1)))
  (core module $use (import "env" "g" (global i32)))
  (core instance $lib (instantiate $lib))
  (core instance (instantiate $use (with "env" (instance $lib))))
)
