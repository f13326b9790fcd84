;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; An instance import's type index must name an instance type.
;; expect: type index 0 is a func type, not an instance type
(component
  (type (func))
  (import "i" (instance (type 0)))
)
