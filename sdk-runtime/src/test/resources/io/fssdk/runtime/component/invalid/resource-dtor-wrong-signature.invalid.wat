;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; A destructor takes the i32 representation; this lowered function takes nothing.
;; expect: resource destructor core func 0 has type [] -> [], expected [i32] -> []
(component
  (import "f" (func $f))
  (core func $f (canon lower (func $f)))
  (type (resource (rep i32) (dtor (core func $f))))
)
