;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; A 32-bit memory has at most 65536 pages.
;; expect: memory size must be at most 65536
(component
  (core type (module (import "env" "m" (memory 70000))))
)
