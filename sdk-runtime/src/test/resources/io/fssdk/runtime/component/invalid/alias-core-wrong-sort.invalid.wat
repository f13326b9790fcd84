;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; A core export alias must have the sort of the export it names.
;; expect: export `f` of core instance 1 is a core func, not a core memory
(component
  (import "g" (func $g))
  (core func $g (canon lower (func $g)))
  (core instance (export "g" (func $g)))
  (core instance (export "f" (func $g)))
  (alias core export 1 "f" (core memory))
)
