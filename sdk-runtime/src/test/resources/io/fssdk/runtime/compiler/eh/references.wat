;; The function-references proposal (call_ref, return_call_ref, ref.as_non_null, br_on_null, br_on_non_null)
;; for ReferenceOpsTest: each export runs on our compiler and on Chicory's interpreter, which must agree.
;; Rebuild with build.sh.
(module
  (type $unary (func (param i32) (result i32)))
  (type $pair (func (param i64 f64) (result i64 f64)))
  (func $double (type $unary) (i32.mul (local.get 0) (i32.const 2)))
  (func $square (type $unary) (i32.mul (local.get 0) (local.get 0)))
  (func $swap (type $pair) (i64.add (local.get 0) (i64.const 1)) (f64.mul (local.get 1) (f64.const 2)))
  (elem declare func $double $square $swap)

  ;; 0: null, 1: $double, 2: $square.
  (func $pick (param $k i32) (result (ref null $unary))
    (if (result (ref null $unary)) (i32.eqz (local.get $k))
      (then (ref.null $unary))
      (else (select (result (ref null $unary)) (ref.func $double) (ref.func $square)
                    (i32.eq (local.get $k) (i32.const 1))))))

  ;; call_ref through a nullable reference: null traps.
  (func (export "apply") (param $k i32) (param $x i32) (result i32)
    (call_ref $unary (local.get $x) (call $pick (local.get $k))))

  ;; ref.as_non_null traps on null.
  (func (export "strict") (param $k i32) (result i32)
    (call_ref $unary (i32.const 7) (ref.as_non_null (call $pick (local.get $k)))))

  ;; br_on_null: -1 for null, else the call's result.
  (func (export "orElse") (param $k i32) (param $x i32) (result i32)
    (block $isNull
      (return (call_ref $unary (local.get $x) (br_on_null $isNull (call $pick (local.get $k))))))
    (i32.const -1))

  ;; br_on_non_null: the call's result for a reference, else 100 + x.
  (func (export "ifPresent") (param $k i32) (param $x i32) (result i32)
    (call_ref $unary (local.get $x)
      (block $present (result (ref $unary))
        (br_on_non_null $present (call $pick (local.get $k)))
        (return (i32.add (local.get $x) (i32.const 100))))))

  ;; Several values in and out, and a tail call through a reference.
  (func (export "pair") (param $x i64) (result i64)
    (call_ref $pair (local.get $x) (f64.const 1.5) (ref.func $swap))
    (i64.trunc_f64_s)
    (i64.add))
  (func (export "tail") (param $x i32) (result i32)
    (return_call_ref $unary (local.get $x) (ref.func $square)))

  ;; Reference locals start null (-1), not 0, which is function 0: in JVM locals and in a split function's frame.
  (func (export "nullLocals") (result i32)
    (local $f funcref) (local $e externref) (local $u (ref null $unary))
    (i32.add (i32.add (ref.is_null (local.get $f)) (ref.is_null (local.get $e))) (ref.is_null (local.get $u))))
)
