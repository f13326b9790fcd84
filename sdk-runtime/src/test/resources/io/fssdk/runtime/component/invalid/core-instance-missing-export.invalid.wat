;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; The instance supplied for a module name must export every field imported from that name.
;; expect: module instantiation argument `env` does not export an item named `t`
(component
  (core module $lib (memory (export "m") 1))
  (core module $use (import "env" "m" (memory 1)) (import "env" "t" (table 0 funcref)))
  (core instance $lib (instantiate $lib))
  (core instance (instantiate $use (with "env" (instance $lib))))
)
