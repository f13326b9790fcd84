;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; The annotated-name rules apply to bag-of-exports instances too, with the bag as the scope.
;; expect: instance: export `[static]a.b`: `[static]a.b` needs a preceding resource named `a` in the same scope
(component
  (import "f" (func $f))
  (instance (export "[static]a.b" (func $f)))
)
