;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; `[method]r.m` and `[static]r.m` would bind to the same identifier.
;; expect: import name `[static]r.m` conflicts with previous name `[method]r.m`
(component
  (import "r" (type $r (sub resource)))
  (import "[method]r.m" (func (param "self" (borrow $r))))
  (import "[static]r.m" (func))
)
