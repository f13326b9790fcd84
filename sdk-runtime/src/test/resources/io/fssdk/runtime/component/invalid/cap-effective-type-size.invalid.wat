;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Sharing by index lets 21 small definitions describe a type of 2^22 nodes; wasmparser caps the
;; expanded size at 1,000,000 and so does the engine.
;; expect: effective type size exceeds the limit of 1000000
(component
  (type (tuple u64 u64))
  (type (tuple 0 0))
  (type (tuple 1 1))
  (type (tuple 2 2))
  (type (tuple 3 3))
  (type (tuple 4 4))
  (type (tuple 5 5))
  (type (tuple 6 6))
  (type (tuple 7 7))
  (type (tuple 8 8))
  (type (tuple 9 9))
  (type (tuple 10 10))
  (type (tuple 11 11))
  (type (tuple 12 12))
  (type (tuple 13 13))
  (type (tuple 14 14))
  (type (tuple 15 15))
  (type (tuple 16 16))
  (type (tuple 17 17))
  (type (tuple 18 18))
  (type (tuple 19 19))
)
