;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; An annotated name refers to a preceding resource of that name in the same scope.
;; expect: `[static]a.b` needs a preceding resource named `a` in the same scope
(component
  (import "[static]a.b" (func))
)
