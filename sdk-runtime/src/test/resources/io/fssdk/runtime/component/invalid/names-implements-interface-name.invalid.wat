;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; `implements` annotates a plain name: an interface name already says which interface it is.
;; expect: name `a:b/c` is not valid with `implements`: it must be a plain name
(component
  (import "a:b/c" (implements "a:b/d") (instance))
)
