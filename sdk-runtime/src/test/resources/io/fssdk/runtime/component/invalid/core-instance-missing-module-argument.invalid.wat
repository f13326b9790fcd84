;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; An imported core module's type is known, so each of its import modules must be supplied.
;; expect: missing module instantiation argument named `env` for import `env` `f`
(component
  (core type $mt (module (type (func)) (import "env" "f" (func (type 0)))))
  (import "m" (core module $m (type $mt)))
  (core instance (instantiate $m))
)
