;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; A func import's type index must name a function type.
;; expect: import `f`: type index 0 is a value type, not a func type
(component
  (type u8)
  (import "f" (func (type 0)))
)
