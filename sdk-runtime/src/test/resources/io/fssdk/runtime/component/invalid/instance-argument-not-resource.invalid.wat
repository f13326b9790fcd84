;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; A resource import must be supplied with a resource type.
;; expect: instantiation argument `r` must be a resource type, not a value type
(component
  (component $c (import "r" (type (sub resource))))
  (type $t u32)
  (instance (instantiate $c (with "r" (type $t))))
)
