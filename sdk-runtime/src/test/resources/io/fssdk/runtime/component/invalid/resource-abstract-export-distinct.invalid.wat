;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Exported with a `(sub resource)` ascription, a resource is a new abstract type outside the component, not
;; the same as its plain export (Explainer.md, Type Checking). wasm-tools refuses the ascription itself, which
;; the Explainer allows; either way the component is invalid.
;; expect: resource types are not the same
(component
  (component $maker
    (type $t (resource (rep i32)))
    (export "plain" (type $t))
    (export "opaque" (type $t) (type (sub resource))))
  (instance $m (instantiate $maker))
  (component $same
    (import "x" (type $x (sub resource)))
    (import "y" (type (eq $x))))
  (instance (instantiate $same
    (with "x" (type $m "plain"))
    (with "y" (type $m "opaque"))))
)
