;; Relaxed SIMD (0xfd 0x100 and up): decoded, though Chicory 1.7.5 cannot run it.
(module
  ;; types:begin
  (type $v_i (func (result i32)))
  (type $v_vv (func (result v128 v128)))
  ;; types:end
  (func (export "run") (type $v_i)
    (block (type $v_vv) (v128.const i32x4 1 2 3 4) (v128.const i32x4 5 6 7 8))
    (i8x16.relaxed_swizzle)
    (i32x4.relaxed_trunc_f32x4_s)
    (v128.const i32x4 0 0 0 0)
    (i32x4.dot_i8x16_i7x16_add_s (v128.const i32x4 1 1 1 1) (v128.const i32x4 2 2 2 2))
    (i32x4.add)
    (i32x4.extract_lane 0)))
