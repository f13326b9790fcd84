;; A GC struct type: the type section is beyond a byte comparison, so no module is rewritten.
(module
  (type $v_i (func (result i32)))
  (type $point (struct (field i32)))
  (func (export "run") (type $v_i) (i32.const 1)))
