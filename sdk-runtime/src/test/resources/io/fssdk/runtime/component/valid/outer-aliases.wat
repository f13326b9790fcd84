;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Outer aliases the validator must accept: resource-free types, core types, core modules and components
;; into nested components; resources and types mentioning them across type boundaries only; de Bruijn
;; counts through component types; and a core module type aliasing an enclosing core func type.
(component $C
  (core module $M (func (export "f")))
  (core type $FT (func (param i32) (result i32)))
  (core type $MT (module
    (alias outer $C $FT (type $a))
    (import "env" "g" (func (type $a)))
    (export "f" (func (type $a)))))
  (component $D (import "r" (type (sub resource))))
  (type $pure (record (field "x" u32) (field "y" string)))
  (type $R (resource (rep i32)))
  (type $L (list (own $R)))
  (type (component
    (alias outer $C $R (type $r))
    (alias outer $C $L (type $l))
    (type (component
      (alias outer 2 $pure (type $grandparent))))))
  (type $usesR (instance
    (alias outer $C $R (type $r))
    (export "f" (func (param "x" (own $r))))))
  (component
    (alias outer $C $M (core module $m))
    (alias outer $C $FT (core type $ft))
    (alias outer $C $MT (core type $mt))
    (alias outer $C $D (component $d))
    (alias outer $C $pure (type $p))
    (type $own (resource (rep i32)))
    (alias outer 0 $own (type $again))
    (core instance (instantiate $m))
    (type (tuple $p $p)))
)
