;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; An export alias must name an export the instance's type declares.
;; expect: alias: instance 0 has no export named `g`
(component
  (import "i" (instance (export "f" (func))))
  (alias export 0 "g" (func))
)
