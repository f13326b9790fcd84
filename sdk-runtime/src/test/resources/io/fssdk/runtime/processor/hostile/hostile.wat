;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; A processor that misbehaves on purpose. The first byte of each record chooses what it does:
;;
;;   'n' (0x6e) a normal record: put-state(rest, rest) in store `hostile`, then emit the whole record.
;;
;; Every other command first writes key `partial` in store `hostile` (so a failed call that kept its
;; writes would show), then:
;;
;;   'E' (0x45) emit with a pointer past the end of memory
;;   'e' (0x65) emit with an in-bounds pointer and a length of 256 MiB
;;   'P' (0x50) put-state with a key pointer past the end of memory
;;   'p' (0x70) put-state with a value length of 2 GiB - 1
;;   'U' (0x55) opens a store whose name is invalid UTF-8
;;   'D' (0x44) drops its store handle, then calls put-state with it
;;   'd' (0x64) drops its store handle twice
;;   'Z' (0x5a) calls put-state on handle 0
;;   'H' (0x48) calls put-state on handle 2^31
;;   'r' (0x72) calls get-state, whose value the host allocates with cabi_realloc, which calls emit
;;   'L' (0x4c) loops forever on a `br_if`
;;   'M' (0x4d) grows its memory until refused, then traps
;;   'S' (0x53) recurses without end
;;   'T' (0x54) grows its table by 2^31 - 16 entries, then by 2^16 until refused, then by 2^31 - 16
;;              again (a new size past the int range), then traps
;;   'O' (0x4f) writes 100 MiB to stderr, in lines of 128 bytes, and returns normally
;;   'W' (0x57) writes a line to stderr with a return pointer past the end of memory
;;   anything else: unreachable
;;
;; fs-custom answers according to its payload's first byte:
;;
;;   'R' (0x52) a return pointer past the end of memory
;;   'A' (0x41) a misaligned return pointer (2; a list<u8> result has alignment 4)
;;   'B' (0x42) a result list that points past the end of memory
;;   'q' (0x71) the payload, but its post-return function then calls emit
;;   anything else: the payload (echo)
;;
;; Memory: 0..255 return areas, 256 "hostile", 272 invalid UTF-8, 288 "partial", 304 a line for 'W',
;; 1024..5119 the stderr buffer, 8192.. the bump allocator's heap.
(component
  (import "functionstream:core/collector@0.1.0" (instance $collector
    (export "emit" (func (param "target-id" u32) (param "data" (list u8))))))
  (import "functionstream:core/kv@0.1.0" (instance $kv
    (type $error0 (variant (case "not-found") (case "io-error" string) (case "other" string)))
    (export "error" (type $error (eq $error0)))
    (export "store" (type $store (sub resource)))
    (export "[constructor]store" (func (param "name" string) (result (own $store))))
    (export "[method]store.put-state" (func (param "self" (borrow $store)) (param "key" (list u8))
      (param "value" (list u8)) (result (result (error $error)))))
    (export "[method]store.get-state" (func (param "self" (borrow $store)) (param "key" (list u8))
      (result (result (option (list u8)) (error $error)))))))
  (alias export $kv "store" (type $store))
  (import "wasi:io/error@0.2.0" (instance $io-error (export "error" (type (sub resource)))))
  (alias export $io-error "error" (type $io-error-t))
  (import "wasi:io/streams@0.2.0" (instance $streams
    (alias outer 1 $io-error-t (type $e0))
    (export "error" (type $e (eq $e0)))
    (export "output-stream" (type $out (sub resource)))
    (type $se0 (variant (case "last-operation-failed" (own $e)) (case "closed")))
    (export "stream-error" (type $se (eq $se0)))
    (export "[method]output-stream.blocking-write-and-flush"
      (func (param "self" (borrow $out)) (param "contents" (list u8)) (result (result (error $se)))))))
  (alias export $streams "output-stream" (type $output-stream))
  (import "wasi:cli/stderr@0.2.0" (instance $stderr
    (alias outer 1 $output-stream (type $o0))
    (export "output-stream" (type $o (eq $o0)))
    (export "get-stderr" (func (result (own $o))))))

  ;; Memory and the mode flag come first, so `emit` can be lowered before the allocator that calls it.
  (core module $Mem
    (memory (export "memory") 1)
    (data (i32.const 256) "hostile")
    (data (i32.const 272) "\ff\fe\c0")
    (data (i32.const 288) "partial")
    (data (i32.const 304) "leaked line\n")
    ;; 1: cabi_realloc calls emit; 2: post-return calls emit. A fresh instance starts at 0.
    (global (export "mode") (mut i32) (i32.const 0)))
  (core instance $mem (instantiate $Mem))
  (alias core export $mem "memory" (core memory $memory))
  (core func $emit (canon lower (func $collector "emit") (memory $memory)))

  (core module $Libc
    (import "mem" "memory" (memory 1))
    (import "mem" "mode" (global $mode (mut i32)))
    (import "collector" "emit" (func $emit (param i32 i32 i32)))
    (global $next (mut i32) (i32.const 8192))
    ;; A bump allocator that never frees, enough for a test's few records; it calls an import in mode 1.
    (func (export "realloc") (param i32 i32 i32 i32) (result i32)
      (local $p i32)
      (if (i32.eq (global.get $mode) (i32.const 1))
        (then (call $emit (i32.const 0) (i32.const 0) (i32.const 0))))
      (local.set $p (i32.and (i32.add (global.get $next) (i32.sub (local.get 2) (i32.const 1)))
                             (i32.sub (i32.const 0) (local.get 2))))
      (global.set $next (i32.add (local.get $p) (local.get 3)))
      (if (i32.gt_u (global.get $next) (i32.shl (memory.size) (i32.const 16)))
        (then
          (if (i32.eq (memory.grow (i32.add (i32.const 1) (i32.shr_u (i32.sub (global.get $next)
                                    (i32.shl (memory.size) (i32.const 16))) (i32.const 16))))
                      (i32.const -1))
            (then unreachable))))
      (local.get $p))
    ;; fs-custom's post-return: calls an import in mode 2.
    (func (export "post-return") (param i32)
      (if (i32.eq (global.get $mode) (i32.const 2))
        (then (call $emit (i32.const 0) (i32.const 0) (i32.const 0))))))
  (core instance $libc (instantiate $Libc
    (with "mem" (instance $mem))
    (with "collector" (instance (export "emit" (func $emit))))))
  (alias core export $libc "realloc" (core func $realloc))
  (alias core export $libc "post-return" (core func $post-return))

  (core func $store-new (canon lower (func $kv "[constructor]store") (memory $memory)))
  (core func $put-state (canon lower (func $kv "[method]store.put-state") (memory $memory) (realloc $realloc)))
  (core func $get-state (canon lower (func $kv "[method]store.get-state") (memory $memory) (realloc $realloc)))
  (core func $store-drop (canon resource.drop $store))
  (core func $get-stderr (canon lower (func $stderr "get-stderr")))
  (core func $write (canon lower (func $streams "[method]output-stream.blocking-write-and-flush")
    (memory $memory)))

  (core module $Main
    (import "mem" "memory" (memory 1))
    (import "mem" "mode" (global $mode (mut i32)))
    (import "host" "emit" (func $emit (param i32 i32 i32)))
    (import "host" "store-new" (func $store-new (param i32 i32) (result i32)))
    (import "host" "put-state" (func $put-state (param i32 i32 i32 i32 i32 i32)))
    (import "host" "get-state" (func $get-state (param i32 i32 i32 i32)))
    (import "host" "store-drop" (func $store-drop (param i32)))
    (import "host" "get-stderr" (func $get-stderr (result i32)))
    (import "host" "write" (func $write (param i32 i32 i32 i32)))
    (table $table 1 funcref)

    ;; put-state(h, key, value) with its return area at 16; traps unless the result is ok.
    (func $put (param $h i32) (param $kp i32) (param $kl i32) (param $vp i32) (param $vl i32)
      (call $put-state (local.get $h) (local.get $kp) (local.get $kl) (local.get $vp) (local.get $vl)
        (i32.const 16))
      (if (i32.load8_u (i32.const 16)) (then unreachable)))

    (func $recurse (param $depth i32) (result i32)
      (i32.add (call $recurse (i32.add (local.get $depth) (i32.const 1))) (i32.const 1)))

    ;; 100 MiB to stderr: 25,600 writes of a 4 KiB buffer holding 32 lines of 127 'x' and a newline.
    (func $flood
      (local $out i32) (local $i i32)
      (memory.fill (i32.const 1024) (i32.const 0x78) (i32.const 4096))
      (loop $lines
        (i32.store8 (i32.add (i32.const 1151) (i32.mul (local.get $i) (i32.const 128))) (i32.const 0x0a))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $lines (i32.lt_u (local.get $i) (i32.const 32))))
      (local.set $out (call $get-stderr))
      (local.set $i (i32.const 0))
      (loop $writes
        (call $write (local.get $out) (i32.const 1024) (i32.const 4096) (i32.const 32))
        (if (i32.load8_u (i32.const 32)) (then unreachable))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $writes (i32.lt_u (local.get $i) (i32.const 25600)))))

    (func (export "fs-process") (param $source i32) (param $ptr i32) (param $len i32)
      (local $cmd i32) (local $h i32)
      (if (i32.eqz (local.get $len)) (then (return)))
      (local.set $cmd (i32.load8_u (local.get $ptr)))
      (local.set $h (call $store-new (i32.const 256) (i32.const 7)))
      (if (i32.eq (local.get $cmd) (i32.const 0x6e)) ;; 'n'
        (then
          (call $put (local.get $h) (i32.add (local.get $ptr) (i32.const 1)) (i32.sub (local.get $len) (i32.const 1))
            (i32.add (local.get $ptr) (i32.const 1)) (i32.sub (local.get $len) (i32.const 1)))
          (call $emit (i32.const 0) (local.get $ptr) (local.get $len))
          (call $store-drop (local.get $h))
          (return)))
      (call $put (local.get $h) (i32.const 288) (i32.const 7) (local.get $ptr) (local.get $len))

      (if (i32.eq (local.get $cmd) (i32.const 0x45)) ;; 'E'
        (then (call $emit (i32.const 0) (i32.const 0xffff0000) (i32.const 16)) (return)))
      (if (i32.eq (local.get $cmd) (i32.const 0x65)) ;; 'e'
        (then (call $emit (i32.const 0) (i32.const 1024) (i32.const 0x10000000)) (return)))
      (if (i32.eq (local.get $cmd) (i32.const 0x50)) ;; 'P'
        (then (call $put (local.get $h) (i32.const 0xfffffff0) (i32.const 16) (i32.const 288) (i32.const 7))
          (return)))
      (if (i32.eq (local.get $cmd) (i32.const 0x70)) ;; 'p'
        (then (call $put (local.get $h) (i32.const 288) (i32.const 7) (i32.const 8) (i32.const 0x7fffffff))
          (return)))
      (if (i32.eq (local.get $cmd) (i32.const 0x55)) ;; 'U'
        (then (drop (call $store-new (i32.const 272) (i32.const 3))) (return)))
      (if (i32.eq (local.get $cmd) (i32.const 0x44)) ;; 'D'
        (then (call $store-drop (local.get $h))
          (call $put (local.get $h) (i32.const 288) (i32.const 7) (i32.const 288) (i32.const 7))
          (return)))
      (if (i32.eq (local.get $cmd) (i32.const 0x64)) ;; 'd'
        (then (call $store-drop (local.get $h)) (call $store-drop (local.get $h)) (return)))
      (if (i32.eq (local.get $cmd) (i32.const 0x5a)) ;; 'Z'
        (then (call $put (i32.const 0) (i32.const 288) (i32.const 7) (i32.const 288) (i32.const 7)) (return)))
      (if (i32.eq (local.get $cmd) (i32.const 0x48)) ;; 'H'
        (then (call $put (i32.const 0x80000000) (i32.const 288) (i32.const 7) (i32.const 288) (i32.const 7))
          (return)))
      (if (i32.eq (local.get $cmd) (i32.const 0x72)) ;; 'r'
        (then (global.set $mode (i32.const 1))
          (call $get-state (local.get $h) (i32.const 288) (i32.const 7) (i32.const 16))
          (return)))
      (if (i32.eq (local.get $cmd) (i32.const 0x4c)) ;; 'L': the condition reads a local, so nothing folds it
        (then (loop $forever (br_if $forever (local.get $len))) (return)))
      (if (i32.eq (local.get $cmd) (i32.const 0x4d)) ;; 'M'
        (then (loop $grow
                (if (i32.eq (memory.grow (i32.const 16)) (i32.const -1)) (then unreachable))
                (br $grow))))
      (if (i32.eq (local.get $cmd) (i32.const 0x53)) ;; 'S'
        (then (drop (call $recurse (i32.const 0))) (return)))
      (if (i32.eq (local.get $cmd) (i32.const 0x54)) ;; 'T'
        (then (drop (table.grow $table (ref.null func) (i32.const 0x7ffffff0)))
          (loop $grow
            (br_if $grow (i32.ne (table.grow $table (ref.null func) (i32.const 0x10000)) (i32.const -1))))
          (drop (table.grow $table (ref.null func) (i32.const 0x7ffffff0)))
          unreachable))
      (if (i32.eq (local.get $cmd) (i32.const 0x4f)) ;; 'O'
        (then (call $flood) (call $store-drop (local.get $h)) (return)))
      (if (i32.eq (local.get $cmd) (i32.const 0x57)) ;; 'W'
        (then (call $write (call $get-stderr) (i32.const 304) (i32.const 12) (i32.const 0xfffffff0)) (return)))
      unreachable)

    ;; Returns a pointer to the list<u8> result's (pointer, length).
    (func (export "fs-custom") (param $ptr i32) (param $len i32) (result i32)
      (local $cmd i32)
      (if (i32.eqz (local.get $len)) (then (return (i32.const 0))))
      (local.set $cmd (i32.load8_u (local.get $ptr)))
      (if (i32.eq (local.get $cmd) (i32.const 0x52)) ;; 'R'
        (then (return (i32.const 0xfffffff0))))
      (if (i32.eq (local.get $cmd) (i32.const 0x41)) ;; 'A'
        (then (i32.store (i32.const 48) (local.get $ptr))
          (i32.store (i32.const 52) (local.get $len))
          (return (i32.const 2))))
      (if (i32.eq (local.get $cmd) (i32.const 0x42)) ;; 'B'
        (then (i32.store (i32.const 48) (i32.const 0xffffff00))
          (i32.store (i32.const 52) (i32.const 0x100))
          (return (i32.const 48))))
      (if (i32.eq (local.get $cmd) (i32.const 0x71)) ;; 'q'
        (then (global.set $mode (i32.const 2))))
      (i32.store (i32.const 48) (local.get $ptr))
      (i32.store (i32.const 52) (local.get $len))
      (i32.const 48)))
  (core instance $main (instantiate $Main
    (with "mem" (instance $mem))
    (with "host" (instance
      (export "emit" (func $emit))
      (export "store-new" (func $store-new))
      (export "put-state" (func $put-state))
      (export "get-state" (func $get-state))
      (export "store-drop" (func $store-drop))
      (export "get-stderr" (func $get-stderr))
      (export "write" (func $write))))))

  (func (export "fs-process") (param "source-id" u32) (param "data" (list u8))
    (canon lift (core func $main "fs-process") (memory $memory) (realloc $realloc)))
  (func (export "fs-custom") (param "payload" (list u8)) (result (list u8))
    (canon lift (core func $main "fs-custom") (memory $memory) (realloc $realloc) (post-return $post-return)))
)
