;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; An embedded module supplied for a module-typed import must export what the type declares, each export a
;; subtype of the declared one.
;; expect: type mismatch in export `g`: expected global, found func
(component
  (core module $m (func (export "g")))
  (component $c (import "m" (core module (export "g" (global i32)))))
  (instance (instantiate $c (with "m" (core module $m))))
)
