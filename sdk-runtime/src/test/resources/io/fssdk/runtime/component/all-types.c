// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
//
// Guest of all-types.wit, with the canonical ABI written by hand (no wit-bindgen for C here).
// Memory: everything the host allocates through cabi_realloc during a call (params, import
// results) goes into an arena that every export's post-return empties, so `arena-used` returns 0
// exactly when the host ran the post-return of every earlier call.
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define EXPORT(n) __attribute__((export_name(n)))
#define HOST(n) __attribute__((import_module("test:all/host"), import_name(n)))
#define BLOBS(n) __attribute__((import_module("[export]test:all/blobs"), import_name(n)))

static void **arena; static size_t arena_n, arena_cap;

static void *xmalloc(size_t n) { void *p = malloc(n ? n : 1); if (!p) __builtin_trap(); return p; }

// malloc aligns to 16, more than any canonical ABI alignment (8).
EXPORT("cabi_realloc") void *cabi_realloc(void *old, size_t old_size, size_t align, size_t size) {
    (void)align;
    void *p = xmalloc(size);
    if (old) memcpy(p, old, old_size < size ? old_size : size);  // old is freed with the arena
    if (arena_n == arena_cap) {
        arena_cap = arena_cap ? arena_cap * 2 : 64;
        arena = realloc(arena, arena_cap * sizeof *arena);
        if (!arena) __builtin_trap();
    }
    arena[arena_n++] = p;
    return p;
}

static void arena_reset(void) {
    for (size_t i = 0; i < arena_n; i++) free(arena[i]);
    arena_n = 0;
}

// One return area, read by the host before it calls the post-return.
static union { int32_t w[10]; int64_t d[5]; } ret;

// Types whose flat form is one scalar: pass it back, or through the host.
#define SCALAR(wit, id, T) \
    HOST("echo-" wit) T host_##id(T); \
    EXPORT("echo-" wit) T echo_##id(T x) { return x; } \
    EXPORT("via-host-" wit) T via_##id(T x) { return host_##id(x); } \
    EXPORT("cabi_post_echo-" wit) void post_echo_##id(T r) { (void)r; arena_reset(); } \
    EXPORT("cabi_post_via-host-" wit) void post_via_##id(T r) { (void)r; arena_reset(); }

SCALAR("bool", bool, int32_t)
SCALAR("s8", s8, int32_t)      // narrow integers travel as i32; the lift truncates
SCALAR("u8", u8, int32_t)
SCALAR("s16", s16, int32_t)
SCALAR("u16", u16, int32_t)
SCALAR("s32", s32, int32_t)
SCALAR("u32", u32, int32_t)
SCALAR("s64", s64, int64_t)
SCALAR("u64", u64, int64_t)
SCALAR("f32", f32, float)
SCALAR("f64", f64, double)
SCALAR("char", char, int32_t)
SCALAR("color", color, int32_t)          // enum: its case index
SCALAR("small-flags", small_flags, int32_t)  // flags: one i32 (at most 32 flags)
SCALAR("medium-flags", medium_flags, int32_t)
SCALAR("big-flags", big_flags, int32_t)
SCALAR("result-empty", result_empty, int32_t)  // result without payloads: just the tag

// Flat (i32, i32) stored as two i32 at 0 and 4. Covers string and list (ptr, len), point (x, y),
// and result<u32> (tag, value).
#define PAIR(wit, id) \
    HOST("echo-" wit) void host_##id(int32_t, int32_t, void *); \
    EXPORT("echo-" wit) void *echo_##id(int32_t a, int32_t b) { \
        ret.w[0] = a; ret.w[1] = b; return &ret; } \
    EXPORT("via-host-" wit) void *via_##id(int32_t a, int32_t b) { host_##id(a, b, &ret); return &ret; } \
    EXPORT("cabi_post_echo-" wit) void post_echo_##id(void *r) { (void)r; arena_reset(); } \
    EXPORT("cabi_post_via-host-" wit) void post_via_##id(void *r) { (void)r; arena_reset(); }

PAIR("string", string)
PAIR("bytes", bytes)
PAIR("strings", strings)   // elements are (ptr, len) pairs the host allocated too
PAIR("points", points)
PAIR("point", point)
PAIR("result-u32", result_u32)

// Flat (tag, i32, i32), stored as a tag at 0 and the payload at 4 and 8. Covers option<string>,
// option<option<u32>> (inner tag at 4, value at 8), result<string, u32> and result<_, string>.
#define TRIPLE(wit, id) \
    HOST("echo-" wit) void host_##id(int32_t, int32_t, int32_t, void *); \
    EXPORT("echo-" wit) void *echo_##id(int32_t t, int32_t a, int32_t b) { \
        ret.w[0] = t; ret.w[1] = a; ret.w[2] = b; return &ret; } \
    EXPORT("via-host-" wit) void *via_##id(int32_t t, int32_t a, int32_t b) { \
        host_##id(t, a, b, &ret); return &ret; } \
    EXPORT("cabi_post_echo-" wit) void post_echo_##id(void *r) { (void)r; arena_reset(); } \
    EXPORT("cabi_post_via-host-" wit) void post_via_##id(void *r) { (void)r; arena_reset(); }

TRIPLE("option-string", option_string)
TRIPLE("option-option", option_option)
TRIPLE("result-string-u32", result_string_u32)
TRIPLE("result-error", result_error)

// tuple<u8, string, f64>: flat (i32, i32, i32, f64); memory u8 @0, string @4/@8, f64 @16.
HOST("echo-tuple") void host_tuple(int32_t, int32_t, int32_t, double, void *);
EXPORT("echo-tuple") void *echo_tuple(int32_t a, int32_t p, int32_t n, double d) {
    ret.w[0] = a; ret.w[1] = p; ret.w[2] = n; memcpy(&ret.d[2], &d, 8);
    return &ret;
}
EXPORT("via-host-tuple") void *via_tuple(int32_t a, int32_t p, int32_t n, double d) {
    host_tuple(a, p, n, d, &ret);
    return &ret;
}

// mixed: flat (a, b:i64, c ptr/len, d ptr/len, e tag/char); memory a @0, b @8, c @16/@20,
// d @24/@28, e tag @32 and char @36 (40 bytes, align 8).
HOST("echo-mixed") void host_mixed(int32_t, int64_t, int32_t, int32_t, int32_t, int32_t, int32_t,
                                   int32_t, void *);
EXPORT("echo-mixed") void *echo_mixed(int32_t a, int64_t b, int32_t cp, int32_t cn, int32_t dp,
                                      int32_t dn, int32_t et, int32_t ec) {
    ret.w[0] = a; ret.d[1] = b; ret.w[4] = cp; ret.w[5] = cn; ret.w[6] = dp; ret.w[7] = dn;
    ret.w[8] = et; ret.w[9] = ec;
    return &ret;
}
EXPORT("via-host-mixed") void *via_mixed(int32_t a, int64_t b, int32_t cp, int32_t cn, int32_t dp,
                                         int32_t dn, int32_t et, int32_t ec) {
    host_mixed(a, b, cp, cn, dp, dn, et, ec, &ret);
    return &ret;
}

// shape: flat (tag, i64, i32), the i64 slot joining f32 bits, point.x, the string pointer and
// u64; memory tag @0, payload @8 (u64 forces align 8).
HOST("echo-shape") void host_shape(int32_t, int64_t, int32_t, void *);
EXPORT("echo-shape") void *echo_shape(int32_t tag, int64_t a, int32_t b) {
    ret.w[0] = tag;
    if (tag == 4) ret.d[1] = a;                           // big(u64): all 64 bits
    else { ret.w[2] = (int32_t)a; ret.w[3] = b; }         // circle, rect, label: low word + b
    return &ret;
}
EXPORT("via-host-shape") void *via_shape(int32_t tag, int64_t a, int32_t b) {
    host_shape(tag, a, b, &ret);
    return &ret;
}

#define POST_PTR(wit, id) EXPORT("cabi_post_" wit) void post_##id(void *r) { (void)r; arena_reset(); }
POST_PTR("echo-tuple", echo_tuple) POST_PTR("via-host-tuple", via_tuple)
POST_PTR("echo-mixed", echo_mixed) POST_PTR("via-host-mixed", via_mixed)
POST_PTR("echo-shape", echo_shape) POST_PTR("via-host-shape", via_shape)

// Host resource hres. Handles are i32 indexes into this instance's table for hres.
HOST("[constructor]hres") int32_t hres_new(int32_t v);
HOST("[method]hres.get") int32_t hres_get(int32_t self);
HOST("[resource-drop]hres") void hres_drop(int32_t h);
HOST("hres-echo") int32_t host_hres_echo(int32_t own);
HOST("hres-peek") int32_t host_hres_peek(int32_t borrowed);

EXPORT("via-host-hres") int32_t via_host_hres(int32_t v) {
    int32_t h = hres_new(v);
    int32_t a = host_hres_peek(h);   // lends h for the call only
    h = host_hres_echo(h);           // gives h away; the host hands back an own handle
    int32_t b = hres_get(h);
    hres_drop(h);
    return a + b;
}
EXPORT("own-hres-roundtrip") int32_t own_hres_roundtrip(int32_t h) { return host_hres_echo(h); }
// A borrowed foreign handle must be dropped before returning, or the host traps the call.
EXPORT("borrow-hres") int32_t borrow_hres(int32_t h) {
    int32_t r = host_hres_peek(h);
    hres_drop(h);
    return r;
}
EXPORT("arena-used") int32_t arena_used(void) { return (int32_t)arena_n; }

// Guest resource blob. Its rep is a pointer to this struct, which owns a copy of the bytes.
typedef struct { uint8_t *p; size_t n; } blob;
static int32_t alive;
BLOBS("[resource-new]blob") int32_t blob_new(blob *rep);
BLOBS("[resource-rep]blob") blob *blob_rep(int32_t h);
BLOBS("[resource-drop]blob") void blob_drop(int32_t h);

EXPORT("test:all/blobs#[constructor]blob") int32_t blob_ctor(uint8_t *p, size_t n) {
    blob *b = xmalloc(sizeof *b);
    b->p = xmalloc(n); memcpy(b->p, p, n); b->n = n;
    alive++;
    return blob_new(b);
}
EXPORT("test:all/blobs#[dtor]blob") void blob_dtor(blob *b) { free(b->p); free(b); alive--; }
// Methods and borrow<blob> params receive the rep, since this instance defines blob.
EXPORT("test:all/blobs#[method]blob.size") int32_t blob_size_m(blob *b) { return (int32_t)b->n; }
EXPORT("test:all/blobs#[method]blob.data") void *blob_data(blob *b) {
    ret.w[0] = (int32_t)b->p; ret.w[1] = (int32_t)b->n;
    return &ret;
}
EXPORT("test:all/blobs#echo-blob") int32_t echo_blob(int32_t h) { return h; }
EXPORT("test:all/blobs#blob-size") int32_t blob_size(blob *b) { return (int32_t)b->n; }
// own<blob> arrives as a handle; dropping it runs the destructor, so copy the bytes out first.
EXPORT("test:all/blobs#blob-take") void *blob_take(int32_t h) {
    blob *b = blob_rep(h);
    uint8_t *copy = cabi_realloc(NULL, 0, 1, b->n);
    memcpy(copy, b->p, b->n);
    ret.w[0] = (int32_t)copy; ret.w[1] = (int32_t)b->n;
    blob_drop(h);
    return &ret;
}
EXPORT("test:all/blobs#blob-make") int32_t blob_make(uint8_t *p, size_t n) { return blob_ctor(p, n); }
EXPORT("test:all/blobs#blobs-alive") int32_t blobs_alive(void) { return alive; }

// Exports that take lists get a post-return too, so their params leave the arena.
EXPORT("cabi_post_test:all/blobs#[constructor]blob") void post_ctor(int32_t r) { (void)r; arena_reset(); }
EXPORT("cabi_post_test:all/blobs#blob-take") void post_take(void *r) { (void)r; arena_reset(); }
EXPORT("cabi_post_test:all/blobs#blob-make") void post_make(int32_t r) { (void)r; arena_reset(); }
