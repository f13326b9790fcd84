;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Tables match only with the same element type.
;; expect: expected table element type funcref, found externref
(component
  (core module $lib (table (export "t") 1 externref))
  (core module $use (import "env" "t" (table 1 funcref)))
  (core instance $lib (instantiate $lib))
  (core instance (instantiate $use (with "env" (instance $lib))))
)
