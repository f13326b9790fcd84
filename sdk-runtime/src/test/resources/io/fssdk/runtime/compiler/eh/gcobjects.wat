;; GC objects made by compiled code, for GcObjectsTest: churn(n, _, _) makes n cells and keeps only the last one
;; in a global, so Chicory's safe point after the call frees the rest; zeros(n) makes an array of n longs;
;; hoard(n) adds n cells to what a global holds, and release() lets them go.
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
    (array.len (array.new_default $longs (local.get $n))))

  ;; What GcBudget caps: each hoard(n) adds a chunk of n cells, in an array, to a list a global holds. Chunks,
  ;; not a list of n nodes, because Chicory's sweep marks recursively and overflows the stack on a list some
  ;; thousands deep.
  (type $cells (array (mut (ref null $cell))))
  (type $chunk (struct (field (ref null $chunk)) (field (ref $cells))))
  (global $hoard (mut (ref null $chunk)) (ref.null $chunk))
  (func (export "hoard") (param $n i32)
    (local $all (ref $cells))
    (local.set $all (array.new_default $cells (local.get $n)))
    (loop $next
      (if (local.get $n)
        (then
          (local.set $n (i32.sub (local.get $n) (i32.const 1)))
          (array.set $cells (local.get $all) (local.get $n) (struct.new $cell (local.get $n)))
          (br $next))))
    (global.set $hoard (struct.new $chunk (global.get $hoard) (local.get $all))))
  (func (export "release")
    (global.set $hoard (ref.null $chunk))))
