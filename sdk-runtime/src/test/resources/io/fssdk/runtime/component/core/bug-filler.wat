;; Fills bug-owner.wat's table: slot 0 with its own function, slot 1 with its import from the host. Its
;; type numbering, (param i32) (result i32) = 0 and (result i32) = 1, is the reverse of the owner's.
(module
  (type $unary (func (param i32) (result i32)))
  (type $unit (func (result i32)))
  (import "host" "inc" (func $inc (type $unary)))
  (import "owner" "table" (table 4 funcref))
  (elem (i32.const 0) $double $inc)
  (func $double (type $unary) (i32.mul (local.get 0) (i32.const 2))))
