;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;; engine: validator only (tags, shared memories and v128 globals, which the engine does not run; fssdk inspect skips it)
;;
;; Core instantiation the validator must accept now that it decodes embedded modules' imports and exports:
;; limits that fit without being equal, globals of equal type and mutability, a shared memory for a shared
;; import, tags, every constant instruction a global initializer may use (the decoder skips them to reach the
;; exports), realloc and post-return of the right signatures, and an embedded module supplied for a module
;; type that imports less and exports more than the type declares.
(component
  (import "log" (func $log (param "msg" string)))
  (core module $lib
    (import "host" "base" (global $base i32))
    (memory (export "mem") 2 8)
    (memory (export "shared") 1 4 shared)
    (table (export "tab") 3 10 funcref)
    (table (export "ext") 1 1 externref)
    (tag (export "oops") (param i32))
    (global (export "counter") (mut i32) (i32.const -5))
    (global (export "big") i64 (i64.const 0x7fffffffffffffff))
    (global (export "sum") i32 (i32.add (global.get $base) (i32.const 8)))
    (global (export "half") f32 (f32.const 0.5))
    (global (export "pi") f64 (f64.const 3.141592653589793))
    (global (export "lanes") v128 (v128.const i32x4 1 2 3 4))
    (global (export "none") externref (ref.null extern))
    (global (export "self") funcref (ref.func $realloc))
    (func $realloc (export "realloc") (param i32 i32 i32 i32) (result i32) (i32.const 0))
    (func (export "free") (param i32))
    (func (export "greet") (result i32) (i32.const 0))
    (start $start)
    (func $start)
    (data (i32.const 0) "hello"))
  (core module $host (global (export "base") i32 (i32.const 100)))
  (core instance $host (instantiate $host))
  (core instance $lib (instantiate $lib (with "host" (instance $host))))
  (core module $use
    (import "lib" "mem" (memory 1 16))
    (import "lib" "shared" (memory 1 4 shared))
    (import "lib" "tab" (table 2 funcref))
    (import "lib" "ext" (table 0 1 externref))
    (import "lib" "oops" (tag (param i32)))
    (import "lib" "counter" (global (mut i32)))
    (import "lib" "big" (global i64))
    (import "lib" "pi" (global f64))
    (import "lib" "realloc" (func (param i32 i32 i32 i32) (result i32)))
    (import "env" "log" (func (param i32 i32))))
  (core func $log (canon lower (func $log) (memory (core memory $lib "mem"))))
  (core instance (instantiate $use
    (with "lib" (instance $lib))
    (with "env" (instance (export "log" (func $log))))))
  (core func $realloc (alias core export $lib "realloc"))
  (func (export "greet") (result string)
    (canon lift (core func $lib "greet") (memory (core memory $lib "mem")) (realloc (core func $realloc))
      (post-return (core func $lib "free"))))
  (component $typed
    (import "m" (core module
      (import "host" "base" (global i32))
      (import "other" "unused" (func))
      (export "mem" (memory 1))
      (export "tab" (table 1 20 funcref))
      (export "counter" (global (mut i32))))))
  (instance (instantiate $typed (with "m" (core module $lib))))
)
