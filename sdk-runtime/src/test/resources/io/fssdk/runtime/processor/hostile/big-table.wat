;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; A processor whose core module declares 16 tables of 10,000,000 elements each (wasm-tools' limit per
;; table): as declared, instantiating it takes 1.3 GB of heap before any guest code runs, and a module may
;; declare up to 100 such tables.
(component
  (core module $M
    (table 10000000 funcref) (table 10000000 funcref) (table 10000000 funcref) (table 10000000 funcref)
    (table 10000000 funcref) (table 10000000 funcref) (table 10000000 funcref) (table 10000000 funcref)
    (table 10000000 funcref) (table 10000000 funcref) (table 10000000 funcref) (table 10000000 funcref)
    (table 10000000 funcref) (table 10000000 funcref) (table 10000000 funcref) (table 10000000 funcref)
    (func (export "fs-process") (param i32 i32 i32))
    (memory (export "memory") 1)
    (func (export "realloc") (param i32 i32 i32 i32) (result i32) (i32.const 64)))
  (core instance $m (instantiate $M))
  (alias core export $m "memory" (core memory $memory))
  (alias core export $m "realloc" (core func $realloc))
  (func (export "fs-process") (param "source-id" u32) (param "data" (list u8))
    (canon lift (core func $m "fs-process") (memory $memory) (realloc $realloc)))
)
