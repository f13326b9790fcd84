// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
//
// Makes N kv calls per fs-process so the benchmark can price one host call: the input is
// `e` (do nothing), `g<N>` (N get-state calls) or `p<N>` (N put-state calls). Subtracting the time
// of `e` from `g<N>` and dividing by N leaves the cost of one call, with the export's own entry and
// exit taken out. Every call uses the same 8-byte key and 8-byte value, written in fs-init, so a get
// always finds a value (the host then allocates it through cabi_realloc and we free it, as a real
// guest would).
#include "fs_abi.h"

static const uint8_t key[8] = {'b', 'e', 'n', 'c', 'h', 'k', 'e', 'y'};
static const uint8_t value[8] = {'1', '2', '3', '4', '5', '6', '7', '8'};
static int32_t store;

FS_EXPORT("fs-init") void fs_init(fs_pair *cfg, size_t n) {
    static const char name[] = "host-calls";
    fs_free_pairs(cfg, n);
    if (store) fs_store_drop(store);
    store = fs_store_new((const uint8_t *)name, sizeof name - 1);
    fs_ret r;
    fs_put_state(store, key, sizeof key, value, sizeof value, &r);
    if ((uint8_t)r.w[0]) __builtin_trap();
}

static uint32_t parse_count(const uint8_t *p, size_t n) {
    uint32_t v = 0;
    for (size_t i = 0; i < n && p[i] >= '0' && p[i] <= '9'; i++) v = v * 10 + (uint32_t)(p[i] - '0');
    return v;
}

FS_EXPORT("fs-process") void fs_process(uint32_t source, uint8_t *data, size_t n) {
    (void)source;
    uint8_t op = n ? data[0] : 'e';
    uint32_t count = n ? parse_count(data + 1, n - 1) : 0;
    free(data);
    fs_ret r;
    if (op == 'g') {
        for (uint32_t i = 0; i < count; i++) {
            fs_get_state(store, key, sizeof key, &r);
            if ((uint8_t)r.w[0] || !(uint8_t)r.w[1]) __builtin_trap();  // error, or the key vanished
            free((void *)r.w[2]);
        }
    } else if (op == 'p') {
        for (uint32_t i = 0; i < count; i++) {
            fs_put_state(store, key, sizeof key, value, sizeof value, &r);
            if ((uint8_t)r.w[0]) __builtin_trap();
        }
    }
}

FS_EXPORT("fs-process-watermark") void fs_process_watermark(uint32_t source, uint64_t wm) {
    (void)source; (void)wm;
}

FS_EXPORT("fs-take-checkpoint") void fs_take_checkpoint(uint64_t id) { (void)id; }

FS_EXPORT("fs-check-heartbeat") int32_t fs_check_heartbeat(void) { return 1; }

FS_EXPORT("fs-close") void fs_close(void) {
    if (store) fs_store_drop(store);
    store = 0;
}

FS_EXPORT("fs-exec") void fs_exec(uint8_t *cls, size_t cls_len, fs_pair *mods, size_t n) {
    (void)cls_len;
    free(cls); fs_free_pairs(mods, n);
}

static fs_bytes custom_ret;
FS_EXPORT("fs-custom") fs_bytes *fs_custom(uint8_t *p, size_t n) {
    custom_ret.ptr = p; custom_ret.len = n;
    return &custom_ret;
}
FS_EXPORT("cabi_post_fs-custom") void fs_custom_post(fs_bytes *r) { free(r->ptr); }
