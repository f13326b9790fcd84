// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
//
// Processor-world guest that drives every kv function from fs-process and reports each result as
// one emit on target 0 (a text line), so an engine test can link Java host functions and compare
// the exact call sequence and results. Store errors are reported, not trapped on, so a test can
// also inject each error variant and see it arrive intact. The script is listed in FIXTURES.md.
#include "fs_abi.h"

static char line[4096]; static size_t line_len;

static void add(const void *p, size_t n) {
    if (n > sizeof line - line_len) n = sizeof line - line_len;  // clip, never overflow
    memcpy(line + line_len, p, n); line_len += n;
}
static void adds(const char *s) { add(s, strlen(s)); }
static void start(const char *op) { line_len = 0; adds(op); }
static void emit_line(void) { fs_emit(0, (const uint8_t *)line, line_len); }
static void add_free(uint32_t p, uint32_t n) { add((void *)p, n); free((void *)p); }

// Emits "<op>:err:<variant>[:<message>]" and returns 0 on err; appends ":ok" and returns 1 on ok.
static int ok(const char *op, fs_ret *r) {
    start(op);
    if (!(uint8_t)r->w[0]) { adds(":ok"); return 1; }
    static const char *const names[] = {":err:not-found", ":err:io-error:", ":err:other:"};
    uint8_t v = (uint8_t)r->w[1];
    if (v > 2) __builtin_trap();
    adds(names[v]);
    if (v) add_free(r->w[2], r->w[3]);
    emit_line();
    return 0;
}

static void report_unit(const char *op, fs_ret *r) { if (ok(op, r)) emit_line(); }

// result<option<list<u8>>, error>: "<op>:ok:some:<bytes>" or "<op>:ok:none".
static void report_opt(const char *op, fs_ret *r) {
    if (!ok(op, r)) return;
    if ((uint8_t)r->w[1]) { adds(":some:"); add_free(r->w[2], r->w[3]); } else adds(":none");
    emit_line();
}

// result<list<list<u8>>, error>: "<op>:ok:<n>:<e1>,<e2>,...".
static void report_list(const char *op, fs_ret *r) {
    if (!ok(op, r)) return;
    fs_bytes *items = (fs_bytes *)r->w[1];
    char n[12]; size_t len = 0; uint32_t count = r->w[2], c = count;
    do { n[len++] = (char)('0' + c % 10); c /= 10; } while (c);
    add(":", 1);
    while (len) add(&n[--len], 1);
    add(":", 1);
    for (uint32_t i = 0; i < count; i++) {
        if (i) add(",", 1);
        add_free((uint32_t)items[i].ptr, items[i].len);
    }
    free(items);
    emit_line();
}

#define B(s) (uint8_t *)(s), sizeof(s) - 1
static fs_ckey ck(const char *user_key) {
    fs_ckey k = {{B("g")}, {B("k")}, {B("n")}, {(uint8_t *)user_key, strlen(user_key)}};
    return k;
}

FS_EXPORT("fs-process") void fs_process(uint32_t source, uint8_t *data, size_t n) {
    (void)source;
    fs_ret r;
    int32_t s = fs_store_new(B("kv-host"));
    start("open:kv-host"); emit_line();

    fs_put_state(s, B("k1"), data, n, &r); report_unit("put-state", &r);
    fs_put_state(s, B("k2"), B("two"), &r); report_unit("put-state", &r);
    fs_get_state(s, B("k1"), &r); report_opt("get-state", &r);
    fs_list_states(s, B("k"), B("l"), &r); report_list("list-states", &r);
    fs_delete_state(s, B("k1"), &r); report_unit("delete-state", &r);
    fs_get_state(s, B("k1"), &r); report_opt("get-state", &r);

    fs_ckey u1 = ck("u1"), u2 = ck("u2"), all = ck("");
    fs_put(s, FS_CK(&u1), B("cv1"), &r); report_unit("put", &r);
    fs_put(s, FS_CK(&u2), B("cv2"), &r); report_unit("put", &r);
    fs_get(s, FS_CK(&u1), &r); report_opt("get", &r);
    fs_merge(s, FS_CK(&u1), B("+m"), &r); report_unit("merge", &r);
    fs_get(s, FS_CK(&u1), &r); report_opt("get", &r);
    fs_delete(s, FS_CK(&u2), &r); report_unit("delete", &r);
    fs_list_complex(s, B("g"), B("k"), B("n"), B(""), B(""), &r); report_list("list-complex", &r);

    fs_scan_complex(s, B("g"), B("k"), B("n"), &r);
    if (ok("scan-complex", &r)) {
        emit_line();
        int32_t it = (int32_t)r.w[1];
        for (;;) {
            fs_iter_has_next(it, &r);
            if (!ok("has-next", &r)) break;
            int more = (uint8_t)r.w[1];
            adds(more ? ":true" : ":false"); emit_line();
            // One `next` after has-next said false, to show it returns none.
            fs_iter_next(it, &r);
            if (!ok("next", &r)) break;
            if ((uint8_t)r.w[1]) {
                adds(":some:"); add_free(r.w[2], r.w[3]); adds("="); add_free(r.w[4], r.w[5]);
            } else adds(":none");
            emit_line();
            if (!more) break;
        }
        fs_iter_drop(it);
        start("drop-iterator"); emit_line();
    }

    fs_delete_prefix(s, FS_CK(&all), &r); report_unit("delete-prefix", &r);
    fs_get(s, FS_CK(&u1), &r); report_opt("get", &r);
    fs_store_drop(s);
    start("drop-store"); emit_line();
    free(data);
}

// The rest of the processor world, as small as the world allows.
FS_EXPORT("fs-init") void fs_init(fs_pair *cfg, size_t n) { fs_free_pairs(cfg, n); }
FS_EXPORT("fs-process-watermark") void fs_process_watermark(uint32_t s, uint64_t w) { (void)s; (void)w; }
FS_EXPORT("fs-take-checkpoint") void fs_take_checkpoint(uint64_t id) { (void)id; }
FS_EXPORT("fs-check-heartbeat") int32_t fs_check_heartbeat(void) { return 1; }
FS_EXPORT("fs-close") void fs_close(void) {}
FS_EXPORT("fs-exec") void fs_exec(uint8_t *c, size_t cn, fs_pair *m, size_t n) {
    (void)cn; free(c); fs_free_pairs(m, n);
}
static fs_bytes custom;
FS_EXPORT("fs-custom") fs_bytes *fs_custom(uint8_t *p, size_t n) {
    custom.ptr = p; custom.len = n;
    return &custom;
}
FS_EXPORT("cabi_post_fs-custom") void fs_custom_post(fs_bytes *r) { free(r->ptr); }
