// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
//
// The smallest useful processor: fs-process emits its input once on target 0 and does nothing else.
// The canonical-ABI benchmark runs it through WasmDriver and compares it with raw-emit.wat on bare
// Chicory, so everything here beyond "pass (ptr, len) to the host" is what the component model costs.
//
// Built twice (see build.sh), differing only in the allocator the host must call for the payload:
//   emit-once.wasm       cabi_realloc is wasi-libc's realloc and the guest frees the payload, as every
//                        C guest in this repository does (examples/guests/c/fs_abi.h);
//   emit-once-bump.wasm  (-DEMIT_ONCE_BUMP) cabi_realloc bumps a pointer through a static arena that is
//                        reset when each export returns, the cheapest allocator the ABI allows. The
//                        difference between the two is the guest's malloc/free, not the engine.
// Self-contained rather than including fs_abi.h, because fs_abi.h always defines a malloc-based
// cabi_realloc.
#include <stdint.h>
#include <stdlib.h>

#define EXPORT(name) __attribute__((export_name(name)))

__attribute__((import_module("functionstream:core/collector@0.1.0"), import_name("emit")))
void fs_emit(uint32_t target, const uint8_t *p, size_t n);

typedef struct { uint8_t *ptr; size_t len; } bytes;
typedef struct { bytes a, b; } pair;

#ifdef EMIT_ONCE_BUMP
static _Alignas(16) uint8_t arena[1 << 16];
static size_t arena_used;

EXPORT("cabi_realloc") void *cabi_realloc(void *old, size_t old_size, size_t align, size_t new_size) {
    (void)old; (void)old_size;  // the host only ever allocates afresh (old == NULL)
    size_t start = (arena_used + align - 1) & ~(align - 1);
    if (start + new_size > sizeof arena) __builtin_trap();
    arena_used = start + new_size;
    return arena + start;
}
static void release(void *p) { (void)p; }
static void reset(void) { arena_used = 0; }  // every export returns before the host allocates again
#else
EXPORT("cabi_realloc") void *cabi_realloc(void *old, size_t old_size, size_t align, size_t new_size) {
    (void)old_size; (void)align;  // malloc aligns to 16, more than the canonical ABI ever asks
    void *p = realloc(old, new_size ? new_size : 1);
    if (!p) __builtin_trap();
    return p;
}
static void release(void *p) { free(p); }
static void reset(void) {}
#endif

static void release_pairs(pair *p, size_t n) {
    for (size_t i = 0; i < n; i++) { release(p[i].a.ptr); release(p[i].b.ptr); }
    release(p);
}

EXPORT("fs-init") void fs_init(pair *cfg, size_t n) { release_pairs(cfg, n); reset(); }

EXPORT("fs-process") void fs_process(uint32_t source, uint8_t *data, size_t n) {
    (void)source;
    fs_emit(0, data, n);
    release(data);  // the host allocated the payload for us through cabi_realloc; it is ours to free
    reset();
}

EXPORT("fs-process-watermark") void fs_process_watermark(uint32_t source, uint64_t wm) {
    (void)source; (void)wm;
}

EXPORT("fs-take-checkpoint") void fs_take_checkpoint(uint64_t id) { (void)id; }

EXPORT("fs-check-heartbeat") int32_t fs_check_heartbeat(void) { return 1; }

EXPORT("fs-close") void fs_close(void) {}

EXPORT("fs-exec") void fs_exec(uint8_t *cls, size_t cls_len, pair *mods, size_t n) {
    (void)cls_len;
    release(cls); release_pairs(mods, n); reset();
}

static bytes custom_ret;
EXPORT("fs-custom") bytes *fs_custom(uint8_t *p, size_t n) {
    custom_ret.ptr = p; custom_ret.len = n;
    return &custom_ret;
}
EXPORT("cabi_post_fs-custom") void fs_custom_post(bytes *r) { release(r->ptr); reset(); }
