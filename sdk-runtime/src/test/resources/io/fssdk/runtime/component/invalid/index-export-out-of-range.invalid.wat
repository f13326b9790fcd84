;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; An export of an instance index that was never defined.
;; expect: export `i`: unknown instance 0: instance index out of bounds (0 defined)
(component
  (export "i" (instance 0))
)
