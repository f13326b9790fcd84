;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; A memory smaller than the import's minimum is refused: the importer may access its first page.
;; expect: mismatch in memory limits: expected min 1, found min 0
(component
  (core module $lib (memory (export "m") 0))
  (core module $use (import "env" "m" (memory 1)))
  (core instance $lib (instantiate $lib))
  (core instance (instantiate $use (with "env" (instance $lib))))
)
