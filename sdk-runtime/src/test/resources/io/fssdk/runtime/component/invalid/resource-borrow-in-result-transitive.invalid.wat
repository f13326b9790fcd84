;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; The borrow rule applies through records, lists and options too.
;; expect: function result cannot contain a `borrow` type
(component
  (type $r (resource (rep i32)))
  (type $rec (record (field "f" (borrow $r))))
  (type (func (result (option (list $rec)))))
)
