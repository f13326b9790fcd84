;; Tail calls (return_call, return_call_indirect, return_call_ref) for TailCallTest: chains far deeper than a JVM
;; thread's stack, several results, no result, a callee that throws past its tail caller, and calls through a
;; table and a reference. Rebuilt by build.sh.
(module
  (type $i2i (func (param i32) (result i32)))
  (type $void (func (param i32)))
  (tag $oops (param i32))
  (global $sum (mut i32) (i32.const 0))
  (table 2 funcref)
  (elem (i32.const 0) $evenT $oddT)

  ;; Counts down by tail calls to itself: 0 at the end, however deep.
  (func $count (export "count") (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (i32.const 0))
      (else (return_call $count (i32.sub (local.get $n) (i32.const 1))))))

  ;; Mutual recursion by direct tail calls.
  (func $even (export "even") (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (i32.const 1))
      (else (return_call $odd (i32.sub (local.get $n) (i32.const 1))))))
  (func $odd (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (i32.const 0))
      (else (return_call $even (i32.sub (local.get $n) (i32.const 1))))))

  ;; Mutual recursion through the table.
  (func $evenT (export "evenT") (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (i32.const 1))
      (else (return_call_indirect (type $i2i) (i32.sub (local.get $n) (i32.const 1)) (i32.const 1)))))
  (func $oddT (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (i32.const 0))
      (else (return_call_indirect (type $i2i) (i32.sub (local.get $n) (i32.const 1)) (i32.const 0)))))

  ;; Through a function reference, adding up into a global on the way, no result.
  (func $addDown (param $n i32)
    (global.set $sum (i32.add (global.get $sum) (local.get $n)))
    (if (local.get $n)
      (then (return_call_ref $void (i32.sub (local.get $n) (i32.const 1)) (ref.func $addDown)))))
  (elem declare func $addDown)
  (func (export "sumTo") (param $n i32) (result i32)
    (global.set $sum (i32.const 0))
    (call $addDown (local.get $n))
    (global.get $sum))

  ;; Several results through a chain of two tail calls.
  (func $swap (param i64 i64) (result i64 i64) (local.get 1) (local.get 0))
  (func $viaSwap (param i64 i64) (result i64 i64) (return_call $swap (local.get 0) (local.get 1)))
  (func (export "pair") (param $x i64) (result i64)
    (call $viaSwap (local.get $x) (i64.const 1000))
    (i64.sub))

  ;; The tail callee throws: the exception passes the (gone) tail caller to the caller's handler.
  (func $thrower (param $x i32) (result i32) (throw $oops (local.get $x)))
  (func $middle (param $x i32) (result i32) (return_call $thrower (i32.mul (local.get $x) (i32.const 2))))
  (func (export "catches") (param $x i32) (result i32)
    (block $h (result i32)
      (try_table (result i32) (catch $oops $h) (call $middle (local.get $x)))
      (return))
    (i32.add (i32.const 1000)))
)
