;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; A method takes `self: borrow<r>` first.
;; expect: `[method]a.b` must take `self: borrow<a>` first
(component
  (import "a" (type $a (sub resource)))
  (import "[method]a.b" (func (param "x" (borrow $a))))
)
