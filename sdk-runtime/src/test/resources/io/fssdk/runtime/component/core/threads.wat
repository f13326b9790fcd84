;; Threads: atomic loads, stores, read-modify-writes, compare-exchange, notify and fence (0xfe prefix).
(module
  ;; types:begin
  (type $v_i (func (result i32)))
  (type $i_ii (func (param i32) (result i32 i32)))
  (type $v_l (func (result i64)))
  ;; types:end
  (memory 1 1 shared)
  (func (export "run") (type $v_i)
    (i32.atomic.store offset=8 (i32.const 0) (i32.const 40))
    (atomic.fence)
    (drop (i32.atomic.rmw.add offset=8 (i32.const 0) (i32.const 2)))
    (drop (i32.atomic.rmw8.cmpxchg_u (i32.const 16) (i32.const 0) (i32.const 7)))
    (i32.const 1)
    (block (type $i_ii) (i32.atomic.load offset=8 (i32.const 0)))
    (i32.add)
    (i32.add (memory.atomic.notify (i32.const 8) (i32.const 0)))
    (i32.add (i32.atomic.load8_u (i32.const 16))))
  (func (export "wide") (type $v_l)
    (i64.atomic.store (i32.const 24) (i64.const 5))
    (drop (i64.atomic.rmw32.xchg_u (i32.const 32) (i64.const 3)))
    (i64.add (i64.atomic.load (i32.const 24)) (i64.atomic.load32_u (i32.const 32)))))
