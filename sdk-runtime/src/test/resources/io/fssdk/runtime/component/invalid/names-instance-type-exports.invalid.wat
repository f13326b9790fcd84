;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Export declarators of an instance type are strongly unique too (declarations 0 and 2 are the
;; function types the text format hoists out of the exports).
;; expect: instance type declaration 3: export name `foo-BAR` conflicts with previous name `FOO-bar`
(component
  (type (instance
    (export "FOO-bar" (func))
    (export "foo-BAR" (func))))
)
