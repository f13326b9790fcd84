;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Resource types are generative, so a nested component may not alias a type that mentions one.
;; expect: transitively refers to resources
(component $C
  (type $R (resource (rep i32)))
  (type $L (list (own $R)))
  (component
    (alias outer $C $L (type))
  )
)
