;; Every import kind: a function and a tag (whose type indices are renumbered), a table, a memory and
;; a global. Only parsed by Chicory, not instantiated.
(module
  ;; types:begin
  (type $v_i (func (result i32)))
  (type $i_v (func (param i32)))
  (type $ii_v (func (param i32 i32)))
  ;; types:end
  (import "env" "f" (func $f (type $ii_v)))
  (import "env" "t" (table 1 10 funcref))
  (import "env" "m" (memory 1 2))
  (import "env" "g" (global $g (mut i32)))
  (import "env" "e" (tag $e (type $i_v)))
  (tag $own (type $ii_v))
  (func (export "run") (type $v_i)
    (call $f (i32.const 1) (i32.const 2))
    (global.get $g)))
