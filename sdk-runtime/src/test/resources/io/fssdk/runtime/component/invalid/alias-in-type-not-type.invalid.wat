;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Inside a type, export aliases may only name instances and types.
;; expect: may only refer to types or instances, not a func
(component
  (type (component
    (import "i" (instance (export "f" (func))))
    (alias export 0 "f" (func))
  ))
)
