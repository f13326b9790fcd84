;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; resource.new has the known core type [i32] -> [i32]; lifting it as a function without parameters
;; does not match.
;; expect: core func 0 has type [i32] -> [i32], but the func type flattens to [] -> [i32]
(component
  (type $r (resource (rep i32)))
  (core func $new (canon resource.new $r))
  (func (result (own $r)) (canon lift (core func $new)))
)
