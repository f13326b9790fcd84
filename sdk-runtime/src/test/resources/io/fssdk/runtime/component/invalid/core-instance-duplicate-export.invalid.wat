;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; A bag of core exports names each export once.
;; expect: export name `a` already defined
(component
  (import "f" (func $f))
  (core func $f (canon lower (func $f)))
  (core instance (export "a" (func $f)) (export "a" (func $f)))
)
