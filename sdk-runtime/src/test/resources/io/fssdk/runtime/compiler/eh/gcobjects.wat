;; GC objects made by compiled code, for GcObjectsTest: churn(n, _, _) makes n cells and keeps only the last one
;; in a global, so Chicory's safe point after the call frees the rest; zeros(n) makes an array of n longs.
;; Rebuilt by build.sh.
(module
  (type $cell (struct (field (mut i32))))
  (global $kept (mut (ref null $cell)) (ref.null $cell))
  (func (export "churn") (param $n i32) (param i32) (param i32)
    (loop $next
      (if (local.get $n)
        (then
          (global.set $kept (struct.new $cell (local.get $n)))
          (local.set $n (i32.sub (local.get $n) (i32.const 1)))
          (br $next)))))
  (func (export "kept") (result i32)
    (struct.get $cell 0 (global.get $kept)))

  ;; An array of n zeros: its length, or a trap when the host has no room for it.
  (type $longs (array (mut i64)))
  (func (export "zeros") (param $n i32) (result i32)
    (array.len (array.new_default $longs (local.get $n)))))
