;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Exporting a resource introduces a new type index, and only that index is an externally visible name: a
;; function whose type uses the defining index is not exportable, even after the resource is exported.
;; expect: func not valid to be used as export
(component
  (core module $m (func (export "mk") (result i32) unreachable))
  (core instance $i (instantiate $m))
  (type $cell (resource (rep i32)))
  (export $cell-out "cell" (type $cell))
  (func $mk (result (own $cell)) (canon lift (core func $i "mk")))
  (export "make" (func $mk))
)
