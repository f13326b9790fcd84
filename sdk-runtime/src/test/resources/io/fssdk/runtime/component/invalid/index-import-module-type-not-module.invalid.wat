;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; A core module import's type must be a core module type.
;; expect: core type index 0 is not a module type
(component
  (core type (func))
  (import "m" (core module (type 0)))
)
