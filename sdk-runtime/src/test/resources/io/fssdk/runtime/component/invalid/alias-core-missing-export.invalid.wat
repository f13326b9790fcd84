;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; A bag of core exports has known exports, so aliasing a missing one is caught.
;; expect: core instance 0 has no export named `f`
(component
  (core instance)
  (alias core export 0 "f" (core func))
)
