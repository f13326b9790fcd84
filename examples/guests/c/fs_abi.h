// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
//
// Hand-written canonical-ABI glue for the `functionstream:core@0.1.0` `processor` world (wasm32).
// There is no wit-bindgen for C on this machine, so the lowered signatures are spelled out here.
// Only functions a guest actually calls become imports: wasm-ld drops unreferenced declarations.
// Include this header from exactly one .c file per guest (it defines cabi_realloc).
#ifndef FS_ABI_H
#define FS_ABI_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// list<u8> and string share one layout: pointer then length.
typedef struct { uint8_t *ptr; size_t len; } fs_bytes;
// tuple<string, string> and tuple<string, list<u8>>: two (ptr, len) pairs, 16 bytes, align 4.
typedef struct { fs_bytes a, b; } fs_pair;
// complex-key, flattened to 8 i32 in calls.
typedef struct { fs_bytes key_group, key, namespace_, user_key; } fs_ckey;

// Return area for import results that do not fit one flat value. All kv results are a
// `result<_, error>`: w[0] low byte is the result tag (0 ok, 1 err). The payload starts at byte 4:
//   error:                      w[1] = 0 not-found | 1 io-error | 2 other, w[2]/w[3] = message
//   option<list<u8>>:           w[1] = 0 none | 1 some, w[2]/w[3] = bytes
//   list<list<u8>>:             w[1]/w[2] = element array
//   bool:                       w[1] low byte
//   own<iterator>:              w[1]
//   option<tuple<list,list>>:   w[1] = option tag, w[2]/w[3] = user key, w[4]/w[5] = value
typedef struct { uint32_t w[6]; } fs_ret;

#define FS_KV "functionstream:core/kv@0.1.0"
#define FS_COLLECTOR "functionstream:core/collector@0.1.0"
#define FS_IMPORT(mod, name) __attribute__((import_module(mod), import_name(name)))
#define FS_EXPORT(name) __attribute__((export_name(name)))
#define FS_CK(k) (k)->key_group.ptr, (k)->key_group.len, (k)->key.ptr, (k)->key.len, \
                 (k)->namespace_.ptr, (k)->namespace_.len, (k)->user_key.ptr, (k)->user_key.len
#define FS_CK_PARAMS uint8_t *, size_t, uint8_t *, size_t, uint8_t *, size_t, uint8_t *, size_t

// collector
FS_IMPORT(FS_COLLECTOR, "emit") void fs_emit(uint32_t target, const uint8_t *p, size_t n);
FS_IMPORT(FS_COLLECTOR, "emit-watermark") void fs_emit_watermark(uint32_t target, uint64_t wm);

// kv: store. Handles are opaque i32; 0 is never a valid handle (canonical ABI tables skip it).
FS_IMPORT(FS_KV, "[constructor]store") int32_t fs_store_new(const uint8_t *name, size_t n);
FS_IMPORT(FS_KV, "[resource-drop]store") void fs_store_drop(int32_t h);
FS_IMPORT(FS_KV, "[method]store.put-state")
void fs_put_state(int32_t h, const uint8_t *k, size_t kn, const uint8_t *v, size_t vn, fs_ret *r);
FS_IMPORT(FS_KV, "[method]store.get-state")
void fs_get_state(int32_t h, const uint8_t *k, size_t kn, fs_ret *r);
FS_IMPORT(FS_KV, "[method]store.delete-state")
void fs_delete_state(int32_t h, const uint8_t *k, size_t kn, fs_ret *r);
FS_IMPORT(FS_KV, "[method]store.list-states")
void fs_list_states(int32_t h, const uint8_t *s, size_t sn, const uint8_t *e, size_t en, fs_ret *r);
FS_IMPORT(FS_KV, "[method]store.put")
void fs_put(int32_t h, FS_CK_PARAMS, const uint8_t *v, size_t vn, fs_ret *r);
FS_IMPORT(FS_KV, "[method]store.get") void fs_get(int32_t h, FS_CK_PARAMS, fs_ret *r);
FS_IMPORT(FS_KV, "[method]store.delete") void fs_delete(int32_t h, FS_CK_PARAMS, fs_ret *r);
FS_IMPORT(FS_KV, "[method]store.merge")
void fs_merge(int32_t h, FS_CK_PARAMS, const uint8_t *v, size_t vn, fs_ret *r);
FS_IMPORT(FS_KV, "[method]store.delete-prefix")
void fs_delete_prefix(int32_t h, FS_CK_PARAMS, fs_ret *r);
FS_IMPORT(FS_KV, "[method]store.list-complex")
void fs_list_complex(int32_t h, const uint8_t *g, size_t gn, const uint8_t *k, size_t kn,
                     const uint8_t *ns, size_t nsn, const uint8_t *s, size_t sn,
                     const uint8_t *e, size_t en, fs_ret *r);
FS_IMPORT(FS_KV, "[method]store.scan-complex")
void fs_scan_complex(int32_t h, const uint8_t *g, size_t gn, const uint8_t *k, size_t kn,
                     const uint8_t *ns, size_t nsn, fs_ret *r);

// kv: iterator
FS_IMPORT(FS_KV, "[resource-drop]iterator") void fs_iter_drop(int32_t h);
FS_IMPORT(FS_KV, "[method]iterator.has-next") void fs_iter_has_next(int32_t h, fs_ret *r);
FS_IMPORT(FS_KV, "[method]iterator.next") void fs_iter_next(int32_t h, fs_ret *r);

// The host allocates every parameter and import result through this export. wasi-libc's malloc
// aligns to 16, which covers every alignment the canonical ABI asks for (at most 8).
FS_EXPORT("cabi_realloc")
void *cabi_realloc(void *old, size_t old_size, size_t align, size_t new_size) {
    (void)old_size; (void)align;
    void *p = realloc(old, new_size ? new_size : 1);
    if (!p) __builtin_trap();
    return p;
}

// Free a list<tuple<string, string|list<u8>>> the host handed over (the guest owns it).
static inline void fs_free_pairs(fs_pair *p, size_t n) {
    for (size_t i = 0; i < n; i++) { free(p[i].a.ptr); free(p[i].b.ptr); }
    free(p);
}

static inline void fs_emit_str(uint32_t target, const char *s) {
    fs_emit(target, (const uint8_t *)s, strlen(s));
}

#endif
