;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Two-level imports mangle to one name in a component, so a core module may not repeat one.
;; expect: core module: duplicate import name `env:f`
(component
  (core module (import "env" "f" (func)) (import "env" "f" (func)))
)
