// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).

package impl

import (
	"strings"

	"github.com/functionstream/function-stream/go-sdk/api"
	"github.com/functionstream/function-stream/go-sdk/internal/bindings/imports/functionstream_core_collector"
)

// runtimeContext is the api.Context of one Init: it caches stores by name and drops them on Close.
type runtimeContext struct {
	config map[string]string
	stores map[string]*storeImpl
	closed bool
}

func newRuntimeContext(config map[string]string) *runtimeContext {
	return &runtimeContext{config: cloneMap(config), stores: make(map[string]*storeImpl)}
}

func (c *runtimeContext) Emit(targetID uint32, data []byte) error {
	if c.closed {
		return api.NewError(api.ErrRuntimeClosed, "emit on closed context")
	}
	functionstream_core_collector.Emit(targetID, data)
	return nil
}

func (c *runtimeContext) EmitWatermark(targetID uint32, watermark uint64) error {
	if c.closed {
		return api.NewError(api.ErrRuntimeClosed, "emit watermark on closed context")
	}
	functionstream_core_collector.EmitWatermark(targetID, watermark)
	return nil
}

func (c *runtimeContext) GetOrCreateStore(name string) (api.Store, error) {
	storeName := strings.TrimSpace(name)
	if storeName == "" {
		return nil, api.NewError(api.ErrStoreInvalidName, "store name must not be empty")
	}
	if c.closed {
		return nil, api.NewError(api.ErrRuntimeClosed, "store request on closed context")
	}
	if s, ok := c.stores[storeName]; ok && !s.closed {
		return s, nil
	}
	s := newStore(storeName)
	c.stores[storeName] = s
	return s, nil
}

func (c *runtimeContext) Config() map[string]string { return cloneMap(c.config) }

func (c *runtimeContext) Close() error {
	if c.closed {
		return nil
	}
	c.closed = true
	var first error
	for _, s := range c.stores {
		if err := s.Close(); err != nil && first == nil {
			first = err
		}
	}
	c.stores = nil
	return first
}
