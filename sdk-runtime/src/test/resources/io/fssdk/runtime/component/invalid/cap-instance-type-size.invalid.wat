;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Instance types that export instances of the previous one twice double in size with each definition:
;; the engine resolves instance types recursively, so their effective size is capped too.
;; expect: effective type size exceeds the limit of 1000000
(component
  (type (instance (export "f" (func))))
  (type (instance (alias outer 1 0 (type)) (export "a" (instance (type 0))) (export "b" (instance (type 0)))))
  (type (instance (alias outer 1 1 (type)) (export "a" (instance (type 0))) (export "b" (instance (type 0)))))
  (type (instance (alias outer 1 2 (type)) (export "a" (instance (type 0))) (export "b" (instance (type 0)))))
  (type (instance (alias outer 1 3 (type)) (export "a" (instance (type 0))) (export "b" (instance (type 0)))))
  (type (instance (alias outer 1 4 (type)) (export "a" (instance (type 0))) (export "b" (instance (type 0)))))
  (type (instance (alias outer 1 5 (type)) (export "a" (instance (type 0))) (export "b" (instance (type 0)))))
  (type (instance (alias outer 1 6 (type)) (export "a" (instance (type 0))) (export "b" (instance (type 0)))))
  (type (instance (alias outer 1 7 (type)) (export "a" (instance (type 0))) (export "b" (instance (type 0)))))
  (type (instance (alias outer 1 8 (type)) (export "a" (instance (type 0))) (export "b" (instance (type 0)))))
  (type (instance (alias outer 1 9 (type)) (export "a" (instance (type 0))) (export "b" (instance (type 0)))))
  (type (instance (alias outer 1 10 (type)) (export "a" (instance (type 0))) (export "b" (instance (type 0)))))
  (type (instance (alias outer 1 11 (type)) (export "a" (instance (type 0))) (export "b" (instance (type 0)))))
  (type (instance (alias outer 1 12 (type)) (export "a" (instance (type 0))) (export "b" (instance (type 0)))))
  (type (instance (alias outer 1 13 (type)) (export "a" (instance (type 0))) (export "b" (instance (type 0)))))
  (type (instance (alias outer 1 14 (type)) (export "a" (instance (type 0))) (export "b" (instance (type 0)))))
  (type (instance (alias outer 1 15 (type)) (export "a" (instance (type 0))) (export "b" (instance (type 0)))))
  (type (instance (alias outer 1 16 (type)) (export "a" (instance (type 0))) (export "b" (instance (type 0)))))
  (type (instance (alias outer 1 17 (type)) (export "a" (instance (type 0))) (export "b" (instance (type 0)))))
  (type (instance (alias outer 1 18 (type)) (export "a" (instance (type 0))) (export "b" (instance (type 0)))))
  (type (instance (alias outer 1 19 (type)) (export "a" (instance (type 0))) (export "b" (instance (type 0)))))
  (type (instance (alias outer 1 20 (type)) (export "a" (instance (type 0))) (export "b" (instance (type 0)))))
)
