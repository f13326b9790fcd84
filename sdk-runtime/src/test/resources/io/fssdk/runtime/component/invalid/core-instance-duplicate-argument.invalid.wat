;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Each core instantiation argument is named once.
;; expect: duplicate module instantiation argument named `a`
(component
  (core module $m)
  (core instance $e)
  (core instance (instantiate $m (with "a" (instance $e)) (with "a" (instance $e))))
)
