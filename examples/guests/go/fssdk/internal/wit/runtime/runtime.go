// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).

// Package runtime is the canonical-ABI runtime the `wit-bindgen go` bindings call (resource handles,
// pinned allocations, Unpin, and the exported cabi_realloc). It stands in for
// go.bytecodealliance.org/pkg/wit/runtime, with one deliberate difference, its reason to exist:
//
// cabi_realloc never allocates from the Go heap. The host calls cabi_realloc while lowering export
// arguments and import results, sometimes while the guest is inside an import call. Allocating there
// with make() can start a garbage collection, which calls clock imports (forbidden inside realloc by the
// component model) and scans a stack the host has interrupted: the known trap of mainline Go guests
// (wasmtime#14318). Here cabi_realloc bumps a pointer through an arena taken with runtime.sbrk, outside
// the Go heap, so it never collects and never calls an import. Release frees the arena when the
// operator's export returns; every byte the SDK hands to the operator has been copied out by then.
package runtime

import (
	"runtime"
	"unsafe"
)

// Handle is a resource handle; 0 means none.
type Handle struct {
	value int32
}

// Use returns the handle, panicking if there is none.
func (h *Handle) Use() int32 {
	if h.value == 0 {
		panic("nil handle")
	}
	return h.value
}

// Take returns the handle and clears it.
func (h *Handle) Take() int32 {
	v := h.Use()
	h.value = 0
	return v
}

// Set stores a handle into an empty Handle.
func (h *Handle) Set(value int32) {
	if value == 0 {
		panic("nil handle")
	}
	if h.value != 0 {
		panic("handle already set")
	}
	h.value = value
}

// TakeOrNil returns the handle (maybe 0) and clears it.
func (h *Handle) TakeOrNil() int32 {
	v := h.value
	h.value = 0
	return v
}

// MakeHandle wraps a non-zero handle.
func MakeHandle(value int32) *Handle {
	if value == 0 {
		panic("nil handle")
	}
	return &Handle{value}
}

// Allocate returns size bytes of Go memory aligned to align, pinned by pinner. The bindings use it for
// import arguments and return areas, in ordinary Go code where a collection is harmless.
func Allocate(pinner *runtime.Pinner, size, align uintptr) unsafe.Pointer {
	if size == 0 {
		return nil
	}
	words := (size + 7) / 8 // uint64s are 8-aligned, which covers every canonical-ABI alignment
	p := unsafe.Pointer(unsafe.SliceData(make([]uint64, words)))
	pinner.Pin(p)
	return p
}

// Unpin is called by the export wrappers once the arguments are lifted. The arguments still live in the
// arena (Release frees it), so there is nothing to unpin.
func Unpin() {}

//go:linkname sbrk runtime.sbrk
func sbrk(n uintptr) unsafe.Pointer

// The arena: [next, end) is free. Chunks come from sbrk and are never returned to it; a chunk too small
// for a request is replaced by one at least twice as large, so the memory held is bounded by about twice
// the most ever needed at once.
var (
	chunk     uintptr
	chunkSize uintptr
	next      uintptr
	end       uintptr
)

const firstChunk = 64 << 10

func grow(need uintptr) {
	size := chunkSize * 2
	if size < firstChunk {
		size = firstChunk
	}
	for size < need+16 {
		size *= 2
	}
	chunk = uintptr(sbrk(size))
	chunkSize = size
	next, end = chunk, chunk+size
}

//go:wasmexport cabi_realloc
func cabiRealloc(oldPointer unsafe.Pointer, oldSize, align, newSize uintptr) unsafe.Pointer {
	if oldPointer != nil || oldSize != 0 {
		panic("cabi_realloc: reallocation is not supported") // the canonical ABI never asks this of a guest
	}
	if newSize == 0 {
		return unsafe.Pointer(uintptr(align)) // any aligned, non-null address: nothing is read or written
	}
	p := (next + align - 1) &^ (align - 1)
	if chunk == 0 || p+newSize > end {
		grow(newSize + align)
		p = (next + align - 1) &^ (align - 1)
	}
	next = p + newSize
	return unsafe.Pointer(p)
}

// Release frees everything cabi_realloc handed out. The SDK calls it when an export returns, after
// copying whatever it keeps.
func Release() {
	next = chunk
}
