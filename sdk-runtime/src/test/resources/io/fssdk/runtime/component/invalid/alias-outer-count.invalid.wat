;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; An outer alias cannot reach past the outermost component.
;; expect: outer alias count 1 exceeds the 0 enclosing scope(s)
(component
  (alias outer 1 0 (type))
)
