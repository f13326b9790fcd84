// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).

// Package types holds the WIT value types the `wit-bindgen go` bindings use (option, result, tuple,
// unit). It stands in for go.bytecodealliance.org/pkg/wit/types, which the build machines cannot fetch
// from the Go module proxy; build.sh rewrites the generated imports to it.
package types

// Unit is the WIT empty tuple, the payload of result<_, E>.
type Unit struct{}

// Tuple2 is a WIT tuple<A, B>.
type Tuple2[A, B any] struct {
	F0 A
	F1 B
}

// Option is a WIT option<T>.
type Option[T any] struct {
	value T
	some  bool
}

// Some is option.some(v).
func Some[T any](v T) Option[T] { return Option[T]{value: v, some: true} }

// None is option.none.
func None[T any]() Option[T] { return Option[T]{} }

// IsSome reports whether the option holds a value.
func (o Option[T]) IsSome() bool { return o.some }

// Value returns the value, or T's zero value for none.
func (o Option[T]) Value() T { return o.value }

// Result is a WIT result<T, E>.
type Result[T, E any] struct {
	ok    T
	err   E
	isErr bool
}

// Ok is result.ok(v).
func Ok[T, E any](v T) Result[T, E] { return Result[T, E]{ok: v} }

// Err is result.err(e).
func Err[T, E any](e E) Result[T, E] { return Result[T, E]{err: e, isErr: true} }

// IsErr reports whether the result is an error.
func (r Result[T, E]) IsErr() bool { return r.isErr }

// Ok returns the ok value (T's zero value for an error).
func (r Result[T, E]) Ok() T { return r.ok }

// Err returns the error value (E's zero value for ok).
func (r Result[T, E]) Err() E { return r.err }
