;; Tail calls: return_call and return_call_indirect, whose type index is renumbered.
(module
  ;; types:begin
  (type $v_i (func (result i32)))
  (type $ii_i (func (param i32 i32) (result i32)))
  (type $i_i (func (param i32) (result i32)))
  ;; types:end
  (table 2 funcref)
  (elem (i32.const 0) $sum $count)
  (func $sum (type $ii_i)
    (if (type $v_i) (i32.eqz (local.get 0))
      (then (local.get 1))
      (else (return_call_indirect (type $ii_i)
        (i32.sub (local.get 0) (i32.const 1)) (i32.add (local.get 1) (local.get 0)) (i32.const 0)))))
  (func $count (type $i_i)
    (return_call $sum (local.get 0) (i32.const 0)))
  (func (export "run") (type $v_i)
    (call_indirect (type $i_i) (i32.const 100) (i32.const 1))))
