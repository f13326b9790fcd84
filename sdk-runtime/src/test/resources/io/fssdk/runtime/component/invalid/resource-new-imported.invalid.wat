;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Only the defining component may create handles of a resource; an imported one is foreign.
;; expect: canon resource.new: type index 0 is not a local resource
(component
  (import "t" (type (sub resource)))
  (core func (canon resource.new 0))
)
