;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; The exports of a bag-of-exports instance are strongly unique.
;; expect: export name `F` conflicts with previous name `f`
(component
  (import "f" (func $f))
  (instance (export "f" (func $f)) (export "F" (func $f)))
)
