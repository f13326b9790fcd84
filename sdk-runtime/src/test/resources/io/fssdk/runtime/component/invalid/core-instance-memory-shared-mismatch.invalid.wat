;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; A shared memory import needs a shared memory.
;; expect: mismatch in the shared flag for memories
(component
  (core module $lib (memory (export "m") 1 2))
  (core module $use (import "env" "m" (memory 1 2 shared)))
  (core instance $lib (instantiate $lib))
  (core instance (instantiate $use (with "env" (instance $lib))))
)
