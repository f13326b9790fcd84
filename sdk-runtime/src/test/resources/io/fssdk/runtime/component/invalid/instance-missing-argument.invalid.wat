;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Instantiating a component must supply each of its imports.
;; expect: missing instantiation argument for import `x` of component 0
(component
  (component $c (import "x" (func)))
  (instance (instantiate $c))
)
