;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Import names are strongly unique: they may not differ only in case.
;; expect: import name `A` conflicts with previous name `a`
(component
  (import "a" (func))
  (import "A" (func))
)
