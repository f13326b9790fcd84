;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; The baseline of the canonical-ABI benchmark: a plain core module (no component model) whose
;; `process(ptr, len)` hands the same (ptr, len) to the host's `emit`, which copies the bytes out.
;; That is the least any sandboxed "emit my input" can cost on Chicory: one export call, one import
;; call and one copy out of linear memory. emit-once.c does the same work as a processor component.
(module
  (import "bench" "emit" (func $emit (param i32 i32)))
  (memory (export "memory") 1)
  (func (export "process") (param $ptr i32) (param $len i32)
    local.get $ptr
    local.get $len
    call $emit))
