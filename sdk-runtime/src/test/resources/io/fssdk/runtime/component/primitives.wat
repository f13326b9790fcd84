;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Scalar lifting and lowering: one echo export per scalar WIT type, `add`, and two exports that
;; return out-of-range `char` values so the host's lift must trap. No memory: every signature is
;; flat (at most 16 params, 1 result).
(component
  (core module $m
    ;; All 32-bit-or-narrower types travel as i32, so one body serves bool..u32 and char.
    (func $id32 (export "id32") (param i32) (result i32) local.get 0)
    (func (export "id64") (param i64) (result i64) local.get 0)
    (func (export "idf32") (param f32) (result f32) local.get 0)
    (func (export "idf64") (param f64) (result f64) local.get 0)
    (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
    ;; A surrogate and a value past U+10FFFF: not Unicode scalar values, so lifting them traps.
    (func (export "surrogate") (result i32) i32.const 0xD800)
    (func (export "too-big") (result i32) i32.const 0x110000)
    ;; 0x1FF as a u8 result: the lift keeps the low 8 bits (0xFF = 255).
    (func (export "wide") (result i32) i32.const 0x1FF)
  )
  (core instance $i (instantiate $m))

  (func (export "echo-bool") (param "x" bool) (result bool) (canon lift (core func $i "id32")))
  (func (export "echo-s8") (param "x" s8) (result s8) (canon lift (core func $i "id32")))
  (func (export "echo-u8") (param "x" u8) (result u8) (canon lift (core func $i "id32")))
  (func (export "echo-s16") (param "x" s16) (result s16) (canon lift (core func $i "id32")))
  (func (export "echo-u16") (param "x" u16) (result u16) (canon lift (core func $i "id32")))
  (func (export "echo-s32") (param "x" s32) (result s32) (canon lift (core func $i "id32")))
  (func (export "echo-u32") (param "x" u32) (result u32) (canon lift (core func $i "id32")))
  (func (export "echo-s64") (param "x" s64) (result s64) (canon lift (core func $i "id64")))
  (func (export "echo-u64") (param "x" u64) (result u64) (canon lift (core func $i "id64")))
  (func (export "echo-f32") (param "x" f32) (result f32) (canon lift (core func $i "idf32")))
  (func (export "echo-f64") (param "x" f64) (result f64) (canon lift (core func $i "idf64")))
  (func (export "echo-char") (param "x" char) (result char) (canon lift (core func $i "id32")))
  (func (export "add") (param "a" u32) (param "b" u32) (result u32) (canon lift (core func $i "add")))
  (func (export "bad-char-surrogate") (result char) (canon lift (core func $i "surrogate")))
  (func (export "bad-char-too-big") (result char) (canon lift (core func $i "too-big")))
  (func (export "wide-u8") (result u8) (canon lift (core func $i "wide")))
)
