;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; A method's self must borrow the resource its name refers to, not another one.
;; expect: `[method]a.m` must take `self: borrow<a>` first
(component
  (import "a" (type $a (sub resource)))
  (import "b" (type $b (sub resource)))
  (import "[method]a.m" (func (param "self" (borrow $b))))
)
