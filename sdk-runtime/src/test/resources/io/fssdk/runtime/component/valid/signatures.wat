;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Functions whose core signature the validator knows: each imported function is lowered and the lowered
;; core function lifted again with the same type, which is only valid when the lift and lower flattenings
;; agree (at most 16 flat parameters, at most one flat result). wasm-tools checks the same, so this pins the
;; validator's flattening (variant joins, records, flags, handles, strings, exactly 16 parameters) to the
;; spec's. realloc and post-return are lowered functions of the right types too. The named types are
;; imported because an import's or export's record, variant, enum and flags types must have names.
(component
  (import "r" (type $r (sub resource)))
  (type $v0 (variant (case "a" u32) (case "b" f32) (case "c" u64) (case "d" f64) (case "e")))
  (import "v" (type $v (eq $v0)))
  (type $rec0 (record (field "x" u8) (field "y" $v) (field "z" (option (tuple f32 s16)))))
  (import "rec" (type $rec (eq $rec0)))
  (type $e0 (enum "p" "q" "r"))
  (import "e" (type $e (eq $e0)))
  (type $fl0 (flags "f1" "f2" "f3"))
  (import "fl" (type $fl (eq $fl0)))
  (type $res (result (tuple u64 f32) (error (own $r))))
  (import "realloc" (func $realloc (param "a" u32) (param "b" u32) (param "c" u32) (param "d" u32) (result u32)))
  (import "after" (func $after (param "x" u32)))
  (import "f1" (func $f1 (param "v" $v) (result u64)))
  (import "f2" (func $f2 (param "rec" $rec) (param "e" $e) (param "fl" $fl) (result f64)))
  (import "f3" (func $f3 (param "res" $res) (param "h" (borrow $r)) (result (own $r))))
  (import "f4" (func $f4 (param "s" string) (param "l" (list $rec)) (result s32)))
  (import "f5" (func $f5
    (param "a" u32) (param "b" u32) (param "c" u32) (param "d" u32) (param "e" u32) (param "f" u32)
    (param "g" u32) (param "h" u32) (param "i" u32) (param "j" u32) (param "k" u32) (param "l" u32)
    (param "m" u32) (param "n" u32) (param "o" u32) (param "p" u32) (result char)))

  (core module $mem (memory (export "mem") 1))
  (core instance $mem (instantiate $mem))
  (core func $realloc (canon lower (func $realloc)))
  (core func $after (canon lower (func $after)))
  (core func $f1 (canon lower (func $f1)))
  (core func $f2 (canon lower (func $f2)))
  (core func $f3 (canon lower (func $f3)))
  (core func $f4 (canon lower (func $f4) (memory (core memory $mem "mem"))))
  (core func $f5 (canon lower (func $f5)))

  (func (export "g1") (param "v" $v) (result u64) (canon lift (core func $f1)))
  (func (export "g2") (param "rec" $rec) (param "e" $e) (param "fl" $fl) (result f64) (canon lift (core func $f2)))
  (func (export "g4") (param "s" string) (param "l" (list $rec)) (result s32)
    (canon lift (core func $f4) (memory (core memory $mem "mem")) (realloc (core func $realloc))
      (post-return (core func $after))))
  (func (export "g5")
    (param "a" u32) (param "b" u32) (param "c" u32) (param "d" u32) (param "e" u32) (param "f" u32)
    (param "g" u32) (param "h" u32) (param "i" u32) (param "j" u32) (param "k" u32) (param "l" u32)
    (param "m" u32) (param "n" u32) (param "o" u32) (param "p" u32) (result char)
    (canon lift (core func $f5)))
)
