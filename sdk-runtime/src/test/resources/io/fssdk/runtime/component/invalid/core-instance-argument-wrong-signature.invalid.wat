;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Where both the import's and the supplied function's types are known, they must be equal.
;; expect: import `env` `f`: argument `env` supplies an item of another type: expected: (func (param i32)), found: (func)
(component
  (core type $mt (module (type (func (param i32))) (import "env" "f" (func (type 0)))))
  (import "m" (core module $m (type $mt)))
  (import "g" (func $g))
  (core func $g (canon lower (func $g)))
  (core instance $env (export "f" (func $g)))
  (core instance (instantiate $m (with "env" (instance $env))))
)
