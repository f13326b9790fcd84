;; The module that owns the shared table, numbering its types (result i32) = 0, (param i32) (result i32)
;; = 1. It calls through the table what bug-filler.wat puts there; bug-filler numbers the same two types
;; the other way round, which is what makes Chicory 1.7.5 trap without type unification.
(module
  (type $unit (func (result i32)))
  (type $unary (func (param i32) (result i32)))
  (type $call (func (param i32 i32) (result i32)))
  (type $call_unit (func (param i32) (result i32)))
  (table (export "table") 4 funcref)
  (elem (i32.const 2) $seven)
  (func $seven (type $unit) (i32.const 7))
  (func (export "call") (type $call)
    (call_indirect (type $unary) (local.get 1) (local.get 0)))
  (func (export "call_unit") (type $call_unit)
    (call_indirect (type $unit) (local.get 0))))
