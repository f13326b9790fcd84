;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Lowering a list parameter means the host reads it from guest memory.
;; expect: canon lower: canonical option `memory` is required: a parameter holds a string or list
(component
  (import "f" (func $f (param "p" (list u8))))
  (core func (canon lower (func $f)))
)
