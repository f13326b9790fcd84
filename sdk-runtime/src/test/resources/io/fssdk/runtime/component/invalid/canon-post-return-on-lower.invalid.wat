;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; post-return only exists for lifted functions.
;; expect: canonical option `post-return` cannot be specified for lowerings
(component
  (import "f" (func $f))
  (core module $m (func (export "pr")))
  (core instance $i (instantiate $m))
  (core func (canon lower (func $f) (post-return (core func $i "pr"))))
)
