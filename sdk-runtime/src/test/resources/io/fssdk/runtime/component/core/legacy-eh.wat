;; Legacy exception handling (try, catch, catch_all, rethrow, delegate): decoded and renumbered, though
;; Chicory 1.7.5 runs only the newer try_table form (see eh.wat).
(module
  ;; types:begin
  (type $v_i (func (result i32)))
  (type $i_v (func (param i32)))
  (type $i_ii (func (param i32) (result i32 i32)))
  ;; types:end
  (import "env" "tag" (tag $imported (type $i_v)))
  (tag $e (type $i_v))
  (func (export "run") (type $v_i)
    (try (type $v_i)
      (do (throw $e (i32.const 42)))
      (catch $e)
      (catch_all (i32.const 0))))
  (func (export "nested") (type $v_i)
    (i32.const 1)
    (try (type $i_ii)
      (do
        (try
          (do (throw $imported (i32.const 3)))
          (delegate 0))
        (i32.const 0))
      (catch $imported (i32.const 1))
      (catch_all (rethrow 0)))
    (drop)))
