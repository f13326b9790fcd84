;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; A global import supplied by a function of the same name.
;; expect: import `env` `g`: argument `env` supplies an item of another type: expected global, found func
(component
  (core module $lib (func (export "g")))
  (core module $use (import "env" "g" (global i32)))
  (core instance $lib (instantiate $lib))
  (core instance (instantiate $use (with "env" (instance $lib))))
)
