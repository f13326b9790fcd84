;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; An error inside a nested component names both definitions on its path.
;; expect: nested component: definition 0 (offset
(component
  (component
    (core func (canon lower (func 0)))
  )
)
