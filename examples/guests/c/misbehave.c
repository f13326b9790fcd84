// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
//
// A processor guest for the host's failure tests. Normal input: count it in store "misbehave"
// under key = input (raw bytes, no trimming) and emit "<input>=<count>" on target 0. Commands,
// which touch neither the store nor the collector:
//   trap       executes `unreachable`
//   loop       spins forever (the host must interrupt it)
//   grow       grows memory until memory.grow fails, then traps; the module declares no
//              maximum, so only the host's limit stops it short of 4 GiB (misbehave-max.wasm is
//              the same source linked with a declared maximum of 4 MiB)
//   unhealthy  the next fs-check-heartbeat (only that one) returns false
//   open:NAME  opens store NAME (a blank NAME makes the host trap the constructor), drops the
//              handle again and emits the command back; unlike the others it uses both
//   after:CMD  counts the whole input as normal input first (a store write and an emit), then runs
//              CMD (trap, loop or grow): the host must discard the write of the failed call
// A store error traps too. The count lives in the store, so it survives a trap and re-instantiation.
#include "fs_abi.h"

static int32_t store;
static int unhealthy;

static int is(const uint8_t *p, size_t n, const char *cmd) { return n == strlen(cmd) && !memcmp(p, cmd, n); }

// Strict decimal, as in counter.c; anything else counts as 0.
static int64_t parse(const uint8_t *p, size_t n) {
    int64_t v = 0;
    if (n == 0 || n > 18) return 0;  // 18 digits cannot overflow, and counts stay far below that
    for (size_t i = 0; i < n; i++) {
        if (p[i] < '0' || p[i] > '9') return 0;
        v = v * 10 + (p[i] - '0');
    }
    return v;
}

static void count(uint8_t *data, size_t n);

// trap, loop and grow never return; anything else does nothing.
static void fail(const uint8_t *data, size_t n) {
    if (is(data, n, "trap")) __builtin_trap();
    if (is(data, n, "loop")) {
        volatile uint32_t spin = 0;  // volatile: the optimiser may not delete the loop
        for (;;) spin++;
    }
    if (is(data, n, "grow")) {
        // 16 MiB steps keep the number of grows (and of host-side copies) small; single pages
        // then reach the exact limit.
        while (__builtin_wasm_memory_grow(0, 256) != (size_t)-1) {}
        while (__builtin_wasm_memory_grow(0, 1) != (size_t)-1) {}
        __builtin_trap();
    }
}

FS_EXPORT("fs-process") void fs_process(uint32_t source, uint8_t *data, size_t n) {
    (void)source;
    fail(data, n);
    if (n >= 6 && !memcmp(data, "after:", 6)) {
        uint8_t *cmd = malloc(n - 6 + 1);
        if (!cmd) __builtin_trap();
        memcpy(cmd, data + 6, n - 6);
        count(data, n);  // frees data
        fail(cmd, n - 6);
        free(cmd);
        return;
    }
    if (is(data, n, "unhealthy")) { unhealthy = 1; free(data); return; }
    if (n >= 5 && !memcmp(data, "open:", 5)) {
        fs_store_drop(fs_store_new(data + 5, n - 5));
        fs_emit(0, data, n);
        free(data);
        return;
    }
    count(data, n);
}

// Counts normal input: store "misbehave", key = input, then emits "<input>=<count>". Frees data.
static void count(uint8_t *data, size_t n) {
    if (!store) __builtin_trap();  // fs-init not called

    fs_ret r;
    fs_get_state(store, data, n, &r);
    if ((uint8_t)r.w[0]) __builtin_trap();
    int64_t count = 1;
    if ((uint8_t)r.w[1]) { count += parse((const uint8_t *)r.w[2], r.w[3]); free((void *)r.w[2]); }

    char num[20]; size_t len = 0;
    for (int64_t c = count; c; c /= 10) num[len++] = (char)('0' + c % 10);
    uint8_t *out = malloc(n + 1 + len);
    if (!out) __builtin_trap();
    memcpy(out, data, n); out[n] = '=';
    for (size_t i = 0; i < len; i++) out[n + 1 + i] = (uint8_t)num[len - 1 - i];
    fs_put_state(store, data, n, out + n + 1, len, &r);
    if ((uint8_t)r.w[0]) __builtin_trap();
    fs_emit(0, out, n + 1 + len);
    free(out); free(data);
}

FS_EXPORT("fs-check-heartbeat") int32_t fs_check_heartbeat(void) {
    int healthy = !unhealthy;
    unhealthy = 0;
    return healthy;
}

FS_EXPORT("fs-init") void fs_init(fs_pair *cfg, size_t n) {
    fs_free_pairs(cfg, n);
    if (!store) store = fs_store_new((const uint8_t *)"misbehave", 9);
}
FS_EXPORT("fs-close") void fs_close(void) { if (store) fs_store_drop(store); store = 0; }
FS_EXPORT("fs-process-watermark") void fs_process_watermark(uint32_t s, uint64_t w) { (void)s; fs_emit_watermark(0, w); }
FS_EXPORT("fs-take-checkpoint") void fs_take_checkpoint(uint64_t id) { (void)id; }
FS_EXPORT("fs-exec") void fs_exec(uint8_t *c, size_t cn, fs_pair *m, size_t n) {
    (void)cn; free(c); fs_free_pairs(m, n);
}
static fs_bytes custom;
FS_EXPORT("fs-custom") fs_bytes *fs_custom(uint8_t *p, size_t n) {
    custom.ptr = p; custom.len = n;
    return &custom;
}
FS_EXPORT("cabi_post_fs-custom") void fs_custom_post(fs_bytes *r) { free(r->ptr); }
