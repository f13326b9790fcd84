;; Multi-memory and 64-bit memory: memory arguments with a memory index (flag bit 6) and offsets over
;; 32 bits. Decoded and renumbered, though Chicory 1.7.5 runs neither.
(module
  ;; types:begin
  (type $v_l (func (result i64)))
  (type $l_ll (func (param i64) (result i64 i64)))
  ;; types:end
  (memory $a 1)
  (memory $b i64 1)
  (func (export "run") (type $v_l)
    (i64.store $b offset=0x100000000 (i64.const 0) (i64.const 7))
    (i64.const 8)
    (block (type $l_ll) (i64.load $b offset=0x100000000 (i64.const 0)))
    (i64.add)
    (i64.add (i64.extend_i32_u (i32.load8_u $a (i32.const 0))))
    (i64.add (i64.extend_i32_u (i32.load $b (i64.const 8))))
    (memory.copy $a $b (i32.const 0) (i64.const 0) (i32.const 0))
    (i64.add (memory.size $b))))
