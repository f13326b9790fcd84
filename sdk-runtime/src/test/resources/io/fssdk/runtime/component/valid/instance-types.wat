;; Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
;;
;; Instance and component types with abstract resources: annotated names in instance types, aliases of
;; nested instance exports, a component-typed import instantiated with this component's resources (the
;; child's exported functions then use them), and instance-typed arguments carrying resources. WIT has no
;; nested instances or component imports, so those live in nested components.
(component
  (type $io (instance
    (export "stream" (type $s (sub resource)))
    (export "[constructor]stream" (func (param "n" u32) (result (result (own $s) (error string)))))
    (export "[method]stream.read" (func (param "self" (borrow $s)) (param "len" u64) (result (list u8))))
    (export "[static]stream.count" (func (result u32)))))
  (import "test:io/streams" (instance $io (type $io)))
  (alias export $io "stream" (type $stream))
  (alias export $io "[static]stream.count" (func $count))
  (core func (canon resource.drop $stream))
  (core func (canon lower (func $count)))

  (component $Q
    (import "outer" (instance $outer
      (export "nested" (instance
        (export "x" (type (sub resource)))
        (export "get" (func (result u32)))))))
    (alias export $outer "nested" (instance $nested))
    (alias export $nested "x" (type $x))
    (alias export $nested "get" (func $get))
    (core func (canon resource.drop $x))
    (core func (canon lower (func $get))))

  (component $P
    (import "C" (component $C
      (import "T" (type $T (sub resource)))
      (import "io" (instance
        (export "s" (type (sub resource)))))
      (export "make" (func (result (own $T))))
      (export "out" (type (eq $T)))))
    (type $R (resource (rep i32)))
    (instance $io-arg (export "s" (type $R)))
    (instance $c (instantiate $C (with "T" (type $R)) (with "io" (instance $io-arg))))
    (alias export $c "make" (func $make))
    (alias export $c "out" (type $out))
    (core func (canon resource.rep $out))
    (core func (canon lower (func $make))))
)
