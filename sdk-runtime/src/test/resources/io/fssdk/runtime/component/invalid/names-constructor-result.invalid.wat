;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; A constructor returns an owned handle of its resource.
;; expect: `[constructor]a` must return `own<a>` or `result<own<a>, E>`
(component
  (import "a" (type $a (sub resource)))
  (import "[constructor]a" (func (result u32)))
)
