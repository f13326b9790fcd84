;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; An import with a maximum needs a table with a maximum no larger: an unbounded table could outgrow it.
;; expect: mismatch in table limits: expected min 1 max 4, found min 2
(component
  (core module $lib (table (export "t") 2 funcref))
  (core module $use (import "env" "t" (table 1 4 funcref)))
  (core instance $lib (instantiate $lib))
  (core instance (instantiate $use (with "env" (instance $lib))))
)
