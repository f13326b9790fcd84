;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; A core module type names each export once.
;; expect: core module type declaration 2: export name `a` already defined
(component
  (core type (module
    (type (func))
    (export "a" (func (type 0)))
    (export "a" (func (type 0)))))
)
