// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).

package impl

import (
	"github.com/functionstream/function-stream/go-sdk/api"
	kv "github.com/functionstream/function-stream/go-sdk/internal/bindings/imports/functionstream_core_kv"
	witTypes "github.com/functionstream/function-stream/go-sdk/internal/wit/types"
)

// storeImpl is an api.Store over a kv.store handle. Everything the host returns lives in the
// cabi_realloc arena until the export returns, so it is copied before it reaches the operator.
type storeImpl struct {
	name   string
	raw    *kv.Store
	closed bool
}

func newStore(name string) *storeImpl { return &storeImpl{name: name, raw: kv.MakeStore(name)} }

func (s *storeImpl) handle() (*kv.Store, error) {
	if s.closed {
		return nil, api.NewError(api.ErrRuntimeClosed, "store %q is closed", s.name)
	}
	return s.raw, nil
}

func (s *storeImpl) PutState(key, value []byte) error {
	raw, err := s.handle()
	if err != nil {
		return err
	}
	return unit(s.name, raw.PutState(key, value))
}

func (s *storeImpl) GetState(key []byte) ([]byte, bool, error) {
	raw, err := s.handle()
	if err != nil {
		return nil, false, err
	}
	return optional(s.name, raw.GetState(key))
}

func (s *storeImpl) DeleteState(key []byte) error {
	raw, err := s.handle()
	if err != nil {
		return err
	}
	return unit(s.name, raw.DeleteState(key))
}

func (s *storeImpl) ListStates(startInclusive, endExclusive []byte) ([][]byte, error) {
	raw, err := s.handle()
	if err != nil {
		return nil, err
	}
	return list(s.name, raw.ListStates(startInclusive, endExclusive))
}

func (s *storeImpl) Put(key api.ComplexKey, value []byte) error {
	raw, err := s.handle()
	if err != nil {
		return err
	}
	return unit(s.name, raw.Put(witKey(key), value))
}

func (s *storeImpl) Get(key api.ComplexKey) ([]byte, bool, error) {
	raw, err := s.handle()
	if err != nil {
		return nil, false, err
	}
	return optional(s.name, raw.Get(witKey(key)))
}

func (s *storeImpl) Delete(key api.ComplexKey) error {
	raw, err := s.handle()
	if err != nil {
		return err
	}
	return unit(s.name, raw.Delete(witKey(key)))
}

func (s *storeImpl) Merge(key api.ComplexKey, value []byte) error {
	raw, err := s.handle()
	if err != nil {
		return err
	}
	return unit(s.name, raw.Merge(witKey(key), value))
}

func (s *storeImpl) DeletePrefix(key api.ComplexKey) error {
	raw, err := s.handle()
	if err != nil {
		return err
	}
	return unit(s.name, raw.DeletePrefix(witKey(key)))
}

func (s *storeImpl) ListComplex(keyGroup, key, namespace, startInclusive, endExclusive []byte) ([][]byte, error) {
	raw, err := s.handle()
	if err != nil {
		return nil, err
	}
	return list(s.name, raw.ListComplex(keyGroup, key, namespace, startInclusive, endExclusive))
}

func (s *storeImpl) ScanComplex(keyGroup, key, namespace []byte) (api.Iterator, error) {
	raw, err := s.handle()
	if err != nil {
		return nil, err
	}
	r := raw.ScanComplex(keyGroup, key, namespace)
	if r.IsErr() {
		return nil, mapError(s.name, r.Err())
	}
	return &iteratorImpl{name: s.name, raw: r.Ok()}, nil
}

// Close drops the handle; the host keeps the store. Idempotent.
func (s *storeImpl) Close() error {
	if !s.closed {
		s.closed = true
		s.raw.Drop()
	}
	return nil
}

// iteratorImpl is an api.Iterator over a kv.iterator handle; dropping it ends the host's scan.
type iteratorImpl struct {
	name   string
	raw    *kv.Iterator
	closed bool
}

func (i *iteratorImpl) HasNext() (bool, error) {
	if i.closed {
		return false, api.NewError(api.ErrRuntimeClosed, "iterator of store %q is closed", i.name)
	}
	r := i.raw.HasNext()
	if r.IsErr() {
		return false, mapError(i.name, r.Err())
	}
	return r.Ok(), nil
}

func (i *iteratorImpl) Next() ([]byte, []byte, bool, error) {
	if i.closed {
		return nil, nil, false, api.NewError(api.ErrRuntimeClosed, "iterator of store %q is closed", i.name)
	}
	r := i.raw.Next()
	if r.IsErr() {
		return nil, nil, false, mapError(i.name, r.Err())
	}
	pair := r.Ok()
	if !pair.IsSome() {
		return nil, nil, false, nil
	}
	kvPair := pair.Value()
	return clone(kvPair.F0), clone(kvPair.F1), true, nil
}

func (i *iteratorImpl) Close() error {
	if !i.closed {
		i.closed = true
		i.raw.Drop()
	}
	return nil
}

// clone copies arena memory into the Go heap; never nil, so "found, empty" stays distinct from absent.
func clone(b []byte) []byte {
	out := make([]byte, len(b))
	copy(out, b)
	return out
}

func witKey(k api.ComplexKey) kv.ComplexKey {
	return kv.ComplexKey{KeyGroup: k.KeyGroup, Key: k.Key, Namespace: k.Namespace, UserKey: k.UserKey}
}

func unit(store string, r witTypes.Result[witTypes.Unit, kv.Error]) error {
	if r.IsErr() {
		return mapError(store, r.Err())
	}
	return nil
}

func optional(store string, r witTypes.Result[witTypes.Option[[]uint8], kv.Error]) ([]byte, bool, error) {
	if r.IsErr() {
		return nil, false, mapError(store, r.Err())
	}
	o := r.Ok()
	if !o.IsSome() {
		return nil, false, nil
	}
	return clone(o.Value()), true, nil
}

func list(store string, r witTypes.Result[[][]uint8, kv.Error]) ([][]byte, error) {
	if r.IsErr() {
		return nil, mapError(store, r.Err())
	}
	items := r.Ok()
	out := make([][]byte, len(items))
	for i, item := range items {
		out[i] = clone(item)
	}
	return out, nil
}

// mapError turns the WIT kv.error into Function Stream's SDK codes (not-found, io-error, other).
func mapError(store string, e kv.Error) error {
	switch e.Tag() {
	case kv.Error_NotFound:
		return api.NewError(api.ErrStoreNotFound, "store %q key not found", store)
	case kv.Error_IoError:
		return api.NewError(api.ErrStoreIO, "store %q io error: %s", store, e.IoError())
	default:
		return api.NewError(api.ErrStoreInternal, "store %q error: %s", store, e.Other())
	}
}
