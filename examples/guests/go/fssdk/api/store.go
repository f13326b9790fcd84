// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).

package api

// ComplexKey addresses the complex-key space of a store: KeyGroup, Key and Namespace select a
// prefix, UserKey an entry in it. The host encodes the first three parts unambiguously.
type ComplexKey struct {
	KeyGroup  []byte
	Key       []byte
	Namespace []byte
	UserKey   []byte
}

// Iterator streams (user key, value) pairs of Store.ScanComplex from a consistent snapshot, in
// unsigned byte order of the user key. Close it when done early.
type Iterator interface {
	HasNext() (bool, error)
	// Next returns the next pair; ok is false at the end.
	Next() (key []byte, value []byte, ok bool, err error)
	Close() error
}

// Store is a named key-value store. Byte keys and complex keys live in separate key spaces.
// Failures are *SDKError values: ErrStoreNotFound, ErrStoreIO or ErrStoreInternal.
type Store interface {
	PutState(key []byte, value []byte) error
	// GetState returns found == false for an absent key.
	GetState(key []byte) (value []byte, found bool, err error)
	DeleteState(key []byte) error
	// ListStates returns the byte keys in [startInclusive, endExclusive); an empty end means no bound.
	ListStates(startInclusive []byte, endExclusive []byte) ([][]byte, error)
	Put(key ComplexKey, value []byte) error
	Get(key ComplexKey) (value []byte, found bool, err error)
	Delete(key ComplexKey) error
	// Merge appends value to the current value (absent counts as empty).
	Merge(key ComplexKey, value []byte) error
	// DeletePrefix deletes every entry of the prefix whose user key starts with key.UserKey.
	DeletePrefix(key ComplexKey) error
	// ListComplex returns the user keys of the prefix in [startInclusive, endExclusive).
	ListComplex(keyGroup []byte, key []byte, namespace []byte, startInclusive []byte, endExclusive []byte) ([][]byte, error)
	ScanComplex(keyGroup []byte, key []byte, namespace []byte) (Iterator, error)
	// Close drops this handle; the host keeps the store itself. Idempotent.
	Close() error
}
