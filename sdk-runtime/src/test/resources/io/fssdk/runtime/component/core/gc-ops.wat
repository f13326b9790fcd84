;; Plain function types but a GC instruction (ref.i31, 0xfb prefix): left alone as well.
(module
  (type $i_i (func (param i32) (result i32)))
  (type $v_i (func (result i32)))
  (func (export "run") (type $v_i) (i31.get_s (ref.i31 (i32.const 1)))))
