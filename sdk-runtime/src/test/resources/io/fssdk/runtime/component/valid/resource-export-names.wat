;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; The valid ways to export functions over an exported resource: lift with the export's index, or lift with
;; the defining index and ascribe a type that uses the export's index (the same resource to subtyping). WIT
;; has no top-level resource exports, so the component is nested and instantiated.
(component
  (component $cells
    (core module $m (func (export "mk") (result i32) unreachable))
    (core instance $i (instantiate $m))
    (type $cell (resource (rep i32)))
    (export $cell-out "cell" (type $cell))
    (func $mk (result (own $cell)) (canon lift (core func $i "mk")))
    (export "make" (func $mk) (func (result (own $cell-out))))
    (func $mk2 (result (own $cell-out)) (canon lift (core func $i "mk")))
    (export "make2" (func $mk2))
    (core func $new (canon resource.new $cell-out)))
  (instance (instantiate $cells))
)
