;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; A module-typed import (inside a nested component, as WIT has no module imports): its imports are
;; supplied by bags of core exports whose function types are known and match, and aliases of the new
;; instance's exports are checked against the module type.
(component
  (import "log" (func $log (param "msg" u32)))
  (component $inner
    (import "log" (func $log (param "msg" u32)))
    (core type $mt (module
      (type $logt (func (param i32)))
      (import "host" "log" (func (type $logt)))
      (import "host" "mem" (memory 1))
      (export "run" (func (type $logt)))
      (export "memory" (memory 1))))
    (import "m" (core module $m (type $mt)))
    (core module $mem (memory (export "mem") 1))
    (core instance $mem (instantiate $mem))
    (alias core export $mem "mem" (core memory $memory))
    (core func $log (canon lower (func $log)))
    (core instance $host (export "log" (func $log)) (export "mem" (memory $memory)))
    (core instance $i (instantiate $m (with "host" (instance $host))))
    (alias core export $i "run" (core func $run))
    (alias core export $i "memory" (core memory $exported))
    (func (export "run") (param "msg" u32) (canon lift (core func $run))))
)
