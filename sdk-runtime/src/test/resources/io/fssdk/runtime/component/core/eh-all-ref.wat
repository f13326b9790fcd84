;; try_table's fourth catch clause, catch_all_ref. Chicory 1.7.5's validator rejects this valid module
;; ("type mismatch: instruction requires [i32] but stack has []"), so it is only decoded here.
(module
  ;; types:begin
  (type $v_i (func (result i32)))
  (type $i_v (func (param i32)))
  (type $v_e (func (result exnref)))
  ;; types:end
  (tag $f (type $i_v))
  (func (export "run") (type $v_i)
    (block $r (type $v_e)
      (try_table (catch_all_ref $r) (throw $f (i32.const 1))))
    (drop)
    (i32.const 5)))
