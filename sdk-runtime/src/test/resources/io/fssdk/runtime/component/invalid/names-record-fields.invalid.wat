;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Record field labels are distinct ignoring case.
;; expect: field name `A-b` conflicts with previous field name `a-B`
(component
  (type (record (field "a-B" u8) (field "A-b" u8)))
)
