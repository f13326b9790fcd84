;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; An export's type ascription is the type the outside sees: a nested component exporting an instance ascribed
;; an instance type without `run` gives its instances an export without `run`, whatever the item had.
;; expect: missing expected export `run`
(component
  (import "run" (func $run))
  (component $wrapper
    (import "inner" (instance $inner (export "run" (func))))
    (export "outer" (instance $inner) (instance)))
  (instance $w (instantiate $wrapper (with "inner" (instance (export "run" (func $run))))))
  (component $user
    (import "tool" (instance (export "run" (func)))))
  (instance (instantiate $user (with "tool" (instance $w "outer"))))
)
