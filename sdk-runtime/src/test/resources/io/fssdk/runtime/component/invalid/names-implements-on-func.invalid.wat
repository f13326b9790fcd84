;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Only instances can say which interface they implement.
;; expect: only instances can have an `implements` attribute, not a func
(component
  (import "a" (implements "a:b/c") (func))
)
