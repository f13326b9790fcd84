;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; An export alias must have the sort of the export it names.
;; expect: export `f` of instance 0 is a func, not an instance
(component
  (import "i" (instance (export "f" (func))))
  (alias export 0 "f" (instance))
)
