;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; A borrow lives only for the duration of a call, so a function cannot return one.
;; expect: function result cannot contain a `borrow` type
(component
  (type $r (resource (rep i32)))
  (type (func (result (borrow $r))))
)
