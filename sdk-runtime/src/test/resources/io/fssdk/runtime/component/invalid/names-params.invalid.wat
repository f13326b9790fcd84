;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Parameter labels are distinct ignoring case.
;; expect: parameter name `X` conflicts with previous parameter name `x`
(component
  (type (func (param "x" u8) (param "X" u8)))
)
