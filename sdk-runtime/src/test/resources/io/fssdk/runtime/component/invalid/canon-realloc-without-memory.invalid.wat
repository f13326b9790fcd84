;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; realloc only makes sense with the memory it allocates in.
;; expect: canonical option `realloc` requires `memory` to also be specified
(component
  (import "f" (func $f))
  (core module $m (func (export "realloc") (param i32 i32 i32 i32) (result i32) unreachable))
  (core instance $i (instantiate $m))
  (core func (canon lower (func $f) (realloc (core func $i "realloc"))))
)
