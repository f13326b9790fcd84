;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Resources in both directions.
;; - Guest-defined `counter` (rep = address of a 4-byte cell), exported in instance
;;   `test:guest/counters` with a constructor, `inc`, `value`, a free function taking
;;   borrow<counter>, one taking own<counter>, and `dropped` (how many times the destructor ran).
;; - Host-defined `thing`, imported from `test:host/res`, which the guest creates, reads, receives
;;   (own and borrow), drops and returns.
(component
  (type $host-res (instance
    (export "thing" (type $thing (sub resource)))
    (export "[constructor]thing" (func (param "v" u32) (result (own $thing))))
    (export "[method]thing.get" (func (param "self" (borrow $thing)) (result u32)))
  ))
  (import "test:host/res" (instance $host (type $host-res)))
  (alias export $host "thing" (type $thing))
  (alias export $host "[constructor]thing" (func $thing-new))
  (alias export $host "[method]thing.get" (func $thing-get))

  ;; State lives in a first module, so the destructor exists before the resource type that names it.
  (core module $libc
    (memory (export "memory") 1)
    (global $next (mut i32) (i32.const 16))
    (global $dropped (mut i32) (i32.const 0))
    (func (export "alloc4") (result i32)
      (global.get $next)
      (global.set $next (i32.add (global.get $next) (i32.const 4))))
    ;; The destructor gets the rep; it only counts, cells are never reused.
    (func (export "dtor") (param i32)
      (global.set $dropped (i32.add (global.get $dropped) (i32.const 1))))
    (func (export "dropped") (result i32) (global.get $dropped))
  )
  (core instance $libc (instantiate $libc))

  (type $counter (resource (rep i32) (dtor (core func $libc "dtor"))))
  (core func $counter-new (canon resource.new $counter))
  (core func $counter-rep (canon resource.rep $counter))
  (core func $counter-drop (canon resource.drop $counter))
  (core func $thing-new (canon lower (func $thing-new)))
  (core func $thing-get (canon lower (func $thing-get)))
  (core func $thing-drop (canon resource.drop $thing))

  (core module $m
    (import "libc" "memory" (memory 1))
    (import "libc" "alloc4" (func $alloc4 (result i32)))
    (import "res" "counter-new" (func $counter-new (param i32) (result i32)))
    (import "res" "counter-rep" (func $counter-rep (param i32) (result i32)))
    (import "res" "counter-drop" (func $counter-drop (param i32)))
    (import "res" "thing-new" (func $thing-new (param i32) (result i32)))
    (import "res" "thing-get" (func $thing-get (param i32) (result i32)))
    (import "res" "thing-drop" (func $thing-drop (param i32)))
    ;; constructor: returns a fresh own handle (index into the guest's counter table).
    (func (export "ctor") (param $start i32) (result i32)
      (local $p i32)
      (local.set $p (call $alloc4))
      (i32.store (local.get $p) (local.get $start))
      (call $counter-new (local.get $p)))
    ;; Methods and borrow<counter> params of the defining component receive the rep itself.
    (func (export "inc") (param $rep i32)
      (i32.store (local.get $rep) (i32.add (i32.load (local.get $rep)) (i32.const 1))))
    (func (export "value") (param $rep i32) (result i32) (i32.load (local.get $rep)))
    ;; own<counter> arrives as a handle: read through the rep, then drop (runs the destructor).
    (func (export "consume") (param $h i32) (result i32)
      (local $v i32)
      (local.set $v (i32.load (call $counter-rep (local.get $h))))
      (call $counter-drop (local.get $h))
      (local.get $v))
    ;; Host things: create, read, drop (the host sees constructor, get, then its destructor).
    (func (export "use-thing") (param $v i32) (result i32)
      (local $h i32) (local $r i32)
      (local.set $h (call $thing-new (local.get $v)))
      (local.set $r (call $thing-get (local.get $h)))
      (call $thing-drop (local.get $h))
      (local.get $r))
    ;; A borrowed foreign handle must be dropped before returning, or the call traps.
    (func (export "thing-borrowed") (param $h i32) (result i32)
      (local $r i32)
      (local.set $r (call $thing-get (local.get $h)))
      (call $thing-drop (local.get $h))
      (local.get $r))
    (func (export "thing-owned") (param $h i32) (result i32)
      (local $r i32)
      (local.set $r (call $thing-get (local.get $h)))
      (call $thing-drop (local.get $h))
      (local.get $r))
    ;; Ownership goes back to the host with the result.
    (func (export "make-thing") (param $v i32) (result i32) (call $thing-new (local.get $v)))
    ;; Bug on purpose: keeps a borrowed handle past the call, which the host must trap.
    (func (export "leak-borrow") (param $h i32))
  )
  (core instance $i (instantiate $m
    (with "libc" (instance $libc))
    (with "res" (instance
      (export "counter-new" (func $counter-new))
      (export "counter-rep" (func $counter-rep))
      (export "counter-drop" (func $counter-drop))
      (export "thing-new" (func $thing-new))
      (export "thing-get" (func $thing-get))
      (export "thing-drop" (func $thing-drop))))))

  (func $ctor (param "start" u32) (result (own $counter)) (canon lift (core func $i "ctor")))
  (func $inc (param "self" (borrow $counter)) (canon lift (core func $i "inc")))
  (func $value (param "self" (borrow $counter)) (result u32) (canon lift (core func $i "value")))
  (func $peek (param "c" (borrow $counter)) (result u32) (canon lift (core func $i "value")))
  (func $consume (param "c" (own $counter)) (result u32) (canon lift (core func $i "consume")))
  (func $dropped (result u32) (canon lift (core func $libc "dropped")))
  ;; An export may only mention resource types that have a name where it is exported, so the
  ;; interface is assembled in a nested component that imports the pieces and re-exports them with
  ;; types ascribed to its own exported `counter` (the same trick wit-component uses).
  (component $api
    (import "counter" (type $c (sub resource)))
    (import "ctor" (func $ctor (param "start" u32) (result (own $c))))
    (import "inc" (func $inc (param "self" (borrow $c))))
    (import "value" (func $value (param "self" (borrow $c)) (result u32)))
    (import "peek" (func $peek (param "c" (borrow $c)) (result u32)))
    (import "consume" (func $consume (param "c" (own $c)) (result u32)))
    (import "dropped" (func $dropped (result u32)))
    (export $e "counter" (type $c))
    (export "[constructor]counter" (func $ctor) (func (param "start" u32) (result (own $e))))
    (export "[method]counter.inc" (func $inc) (func (param "self" (borrow $e))))
    (export "[method]counter.value" (func $value) (func (param "self" (borrow $e)) (result u32)))
    (export "peek" (func $peek) (func (param "c" (borrow $e)) (result u32)))
    (export "consume" (func $consume) (func (param "c" (own $e)) (result u32)))
    (export "dropped" (func $dropped))
  )
  (instance $counters (instantiate $api
    (with "counter" (type $counter))
    (with "ctor" (func $ctor))
    (with "inc" (func $inc))
    (with "value" (func $value))
    (with "peek" (func $peek))
    (with "consume" (func $consume))
    (with "dropped" (func $dropped))))
  (export "test:guest/counters" (instance $counters))

  (func (export "use-thing") (param "v" u32) (result u32) (canon lift (core func $i "use-thing")))
  (func (export "thing-borrowed") (param "t" (borrow $thing)) (result u32)
    (canon lift (core func $i "thing-borrowed")))
  (func (export "thing-owned") (param "t" (own $thing)) (result u32)
    (canon lift (core func $i "thing-owned")))
  (func (export "make-thing") (param "v" u32) (result (own $thing))
    (canon lift (core func $i "make-thing")))
  (func (export "leak-borrow") (param "t" (borrow $thing)) (canon lift (core func $i "leak-borrow")))
)
