;; Typed function references: (ref $t) in locals, globals, tables (with an initializer), element
;; segments, block types and select, plus call_ref, return_call_ref, ref.as_non_null, br_on_null and
;; br_on_non_null. Function types themselves hold no (ref $t): those would make the module GC-like.
(module
  ;; types:begin
  (type $v_i (func (result i32)))
  (type $i_i (func (param i32) (result i32)))
  (type $v_v (func))
  ;; types:end
  (table $t 2 (ref null $i_i) (ref.func $inc))
  (global $g (ref $i_i) (ref.func $inc))
  (elem (table $t) (i32.const 1) (ref null $i_i) (ref.func $dbl))
  (elem declare func $inc $dbl)
  (func $inc (type $i_i) (i32.add (local.get 0) (i32.const 1)))
  (func $dbl (type $i_i) (i32.mul (local.get 0) (i32.const 2)))
  (func $tail (type $i_i) (return_call_ref $i_i (local.get 0) (global.get $g)))
  (func (export "run") (type $v_i) (local $f (ref null $i_i))
    (local.set $f (select (result (ref null $i_i)) (table.get $t (i32.const 1)) (ref.null $i_i) (i32.const 1)))
    (call_ref $i_i (i32.const 20) (ref.as_non_null (local.get $f)))
    (block $null (result (ref null $i_i))
      (br_on_non_null $null (ref.func $tail))
      (ref.null $i_i))
    (call_ref $i_i)
    (block $skip
      (br_on_null $skip (ref.null $i_i))
      (drop))
    (i32.add (call_ref $i_i (i32.const 1) (table.get $t (i32.const 0))))))
