;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Annotated names are for functions only.
;; expect: `[method]a.b` is an instance, but annotated names are for funcs
(component
  (import "[method]a.b" (instance))
)
