// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).

package api

// Context is what a Driver's callbacks may use: outputs, stores and the configuration. A new one
// is made by every Init; after Close every method fails with ErrRuntimeClosed.
type Context interface {
	// Emit sends data to output targetID.
	Emit(targetID uint32, data []byte) error
	// EmitWatermark sends a watermark to output targetID.
	EmitWatermark(targetID uint32, watermark uint64) error
	// GetOrCreateStore opens the store called name (trimmed); the same name gives the same Store.
	// A blank name fails with ErrStoreInvalidName.
	GetOrCreateStore(name string) (Store, error)
	// Config returns a copy of the configuration given to Init.
	Config() map[string]string
	// Close drops every store handle the context opened. Idempotent.
	Close() error
}
