;; Exception handling (try_table, throw, throw_ref) for ExceptionHandlingTest: each export is run on our
;; compiler and on Chicory's interpreter, which must agree. Rebuild with build.sh.
(module
  (tag $num (param i32))
  (tag $pair (param i64 f64))
  (tag $empty)
  (memory 1)

  ;; Throws $empty for 0, $num for 1..9, $pair for 10..19, traps for 20, else returns.
  (func $thrower (param $x i32)
    (if (i32.eqz (local.get $x)) (then (throw $empty)))
    (if (i32.lt_u (local.get $x) (i32.const 10)) (then (throw $num (i32.mul (local.get $x) (i32.const 3)))))
    (if (i32.lt_u (local.get $x) (i32.const 20))
      (then (throw $pair (i64.extend_i32_u (local.get $x)) (f64.const 0.5))))
    (if (i32.eq (local.get $x) (i32.const 20)) (then (unreachable))))

  ;; Each clause kind branches with its values; the value below the blocks survives the handler.
  (func (export "classify") (param $x i32) (result i32)
    (local $l i64) (local $d f64)
    (i32.const 1000)
    (block $onNum (result i32)
      (block $onPair (result i64 f64)
        (block $onAll
          (try_table (catch $num $onNum) (catch $pair $onPair) (catch_all $onAll)
            (call $thrower (local.get $x)))
          (return (i32.const 1001))) ;; no exception
        ;; catch_all
        (return (i32.const 1002)))
      ;; $pair: 1000 + x + 400 + 0.5 * 2
      (local.set $d)
      (local.set $l)
      (return (i32.add (i32.add (i32.wrap_i64 (local.get $l)) (i32.const 1400))
                       (i32.trunc_f64_s (f64.mul (local.get $d) (f64.const 2))))))
    ;; $num, with the 1000 pushed below the try_table still there: 1000 + 3x + 100
    (i32.add (i32.const 100))
    (i32.add))

  ;; An exception no clause matches goes on to the next try_table out; catch_ref and throw_ref rethrow it.
  (func (export "nested") (param $x i32) (result i32)
    (block $outer (result i32)
      (try_table (catch $num $outer)
        (block $inner (result exnref)
          (try_table (catch_all_ref $inner)
            (call $thrower (local.get $x)))
          (return (i32.const -1)))
        ;; caught by catch_all_ref: store a mark, then rethrow
        (i32.store (i32.const 0) (i32.add (i32.load (i32.const 0)) (i32.const 1)))
        (throw_ref))
      (i32.const -2))
    (i32.add (i32.mul (i32.load (i32.const 0)) (i32.const 1000))))

  ;; A try_table with a parameter and a result, in a loop: odd rounds throw $num (15), even ones return 5 + 1.
  (func (export "loop") (param $n i32) (result i32)
    (local $sum i32) (local $i i32)
    (loop $again
      (block $h (result i32)
        (i32.const 5)
        (try_table (param i32) (result i32) (catch $num $h)
          (call $thrower (select (i32.const 5) (i32.const 30) (i32.rem_u (local.get $i) (i32.const 2))))
          (i32.add (i32.const 1))))
      (local.set $sum (i32.add (local.get $sum)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $again (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $sum))

  ;; A trap is no exception: catch_all does not see it.
  (func (export "trap") (param $x i32) (result i32)
    (block $h
      (try_table (catch_all $h)
        (call $thrower (local.get $x)))
      (return (i32.const 0)))
    (i32.const 1))

  ;; Uncaught: the host sees the exception.
  (func (export "uncaught") (param $x i32)
    (call $thrower (local.get $x)))
)
