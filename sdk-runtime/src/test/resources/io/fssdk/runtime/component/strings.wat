;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; String lifting and lowering in all three encodings. Each echo export hands back the very
;; (pointer, length) pair the host lowered, so a round trip only passes if the host's lowering and
;; lifting agree for that encoding. `raw-len-*` expose the length word the host wrote (code units,
;; with bit 31 set when latin1+utf16 chose UTF-16) and the counters show realloc and post-return
;; really ran.
(component
  ;; Memory and the allocator come first, in a module of their own, so the canon options below can
  ;; name them without the shim/fixup tables jco new would add.
  (core module $libc
    (memory (export "memory") 1)
    (global $next (mut i32) (i32.const 16))  ;; 8..15 is the echo return area
    (global $reallocs (mut i32) (i32.const 0))
    ;; Bump allocator; growing copies the old bytes (the host may shrink a transcoded string).
    (func (export "realloc") (param $old i32) (param $old_size i32) (param $align i32) (param $size i32)
      (result i32)
      (local $p i32)
      (global.set $reallocs (i32.add (global.get $reallocs) (i32.const 1)))
      (local.set $p (i32.and (i32.add (global.get $next) (i32.sub (local.get $align) (i32.const 1)))
                             (i32.sub (i32.const 0) (local.get $align))))
      (global.set $next (i32.add (local.get $p) (local.get $size)))
      (if (i32.gt_u (global.get $next) (i32.shl (memory.size) (i32.const 16)))
        (then
          (if (i32.eq (memory.grow (i32.add (i32.const 1) (i32.shr_u (i32.sub (global.get $next)
                                    (i32.shl (memory.size) (i32.const 16))) (i32.const 16))))
                      (i32.const -1))
            (then unreachable))))
      (if (local.get $old)
        (then (memory.copy (local.get $p) (local.get $old)
                (select (local.get $old_size) (local.get $size)
                        (i32.lt_u (local.get $old_size) (local.get $size))))))
      (local.get $p))
    (func (export "realloc-count") (result i32) (global.get $reallocs))
  )
  (core instance $libc (instantiate $libc))
  (alias core export $libc "memory" (core memory $mem))
  (alias core export $libc "realloc" (core func $realloc))

  (core module $m
    (import "libc" "memory" (memory 1))
    (global $posts (mut i32) (i32.const 0))
    ;; A string result does not fit one flat value: return a pointer to (ptr, len).
    (func (export "echo") (param i32 i32) (result i32)
      (i32.store (i32.const 8) (local.get 0))
      (i32.store (i32.const 12) (local.get 1))
      (i32.const 8))
    (func (export "raw-len") (param i32 i32) (result i32) (local.get 1))
    (func (export "post") (param i32)
      (global.set $posts (i32.add (global.get $posts) (i32.const 1))))
    (func (export "post-count") (result i32) (global.get $posts))
  )
  (core instance $i (instantiate $m (with "libc" (instance $libc))))

  (func (export "echo-utf8") (param "s" string) (result string)
    (canon lift (core func $i "echo") (memory $mem) (realloc $realloc)
      string-encoding=utf8 (post-return (core func $i "post"))))
  (func (export "echo-utf16") (param "s" string) (result string)
    (canon lift (core func $i "echo") (memory $mem) (realloc $realloc)
      string-encoding=utf16 (post-return (core func $i "post"))))
  (func (export "echo-latin1-utf16") (param "s" string) (result string)
    (canon lift (core func $i "echo") (memory $mem) (realloc $realloc)
      string-encoding=latin1+utf16 (post-return (core func $i "post"))))
  (func (export "raw-len-utf16") (param "s" string) (result u32)
    (canon lift (core func $i "raw-len") (memory $mem) (realloc $realloc)
      string-encoding=utf16))
  (func (export "raw-len-latin1-utf16") (param "s" string) (result u32)
    (canon lift (core func $i "raw-len") (memory $mem) (realloc $realloc)
      string-encoding=latin1+utf16))
  (func (export "realloc-count") (result u32) (canon lift (core func $libc "realloc-count")))
  (func (export "post-return-count") (result u32) (canon lift (core func $i "post-count")))
)
