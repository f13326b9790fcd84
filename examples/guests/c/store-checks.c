// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
//
// A processor guest that checks the host's kv store from the inside. fs-process with input:
//   run                  scripted checks of every store method's semantics (see the Store javadoc:
//                        unsigned byte order, empty end = unbounded, merge appends, delete-prefix
//                        stays inside its namespace, scans read a snapshot, two key spaces)
//   expect:<variant>[:<message>]
//                        every store method must return that error (not-found, io-error, other),
//                        with that exact message when one is given; for a host with a failing store
// It emits one record on target 0: "ok", or "fail: <first failing check>". Other inputs are ignored.
#include "fs_abi.h"

typedef struct { const char *p; size_t n; } str;
#define S(lit) ((str){(lit), sizeof(lit) - 1})
#define B(s) (const uint8_t *)(s).p, (s).n

static char failure[512];
static const char *label;  // the check being run, named in the failure message

static void fail_msg(const char *what, const uint8_t *extra, size_t n) {
    if (failure[0]) return;  // keep the first failure
    size_t len = 0;
    const char *parts[] = {"fail: ", label, ": ", what};
    for (int i = 0; i < 4; i++) {
        size_t k = strlen(parts[i]);
        if (k > sizeof failure - 1 - len) k = sizeof failure - 1 - len;
        memcpy(failure + len, parts[i], k); len += k;
    }
    if (n > sizeof failure - 1 - len) n = sizeof failure - 1 - len;
    memcpy(failure + len, extra, n);
    failure[len + n] = 0;
}

// Turns an err result into a failure ("<op> returned not-found|io-error: msg|other: msg").
static int ok(const char *op, fs_ret *r) {
    if (!(uint8_t)r->w[0]) return 1;
    static const char *const v[] = {" returned not-found", " returned io-error: ", " returned other: "};
    char what[96]; size_t k = strlen(op);
    if (k > 40) k = 40;
    memcpy(what, op, k); strcpy(what + k, v[(uint8_t)r->w[1] % 3]);
    fail_msg(what, (const uint8_t *)r->w[2], (uint8_t)r->w[1] ? r->w[3] : 0);
    if ((uint8_t)r->w[1]) free((void *)r->w[2]);
    return 0;
}

static int32_t store;
static int same(const uint8_t *p, size_t n, str want) { return n == want.n && !memcmp(p, want.p, n); }

static int put_state(str k, str v) { fs_ret r; fs_put_state(store, B(k), B(v), &r); return ok("put-state", &r); }
static int del_state(str k) { fs_ret r; fs_delete_state(store, B(k), &r); return ok("delete-state", &r); }

// get-state must find `want` (want.p == NULL: must be absent).
static int expect_state(int32_t s, str k, str want) {
    fs_ret r; fs_get_state(s, B(k), &r);
    if (!ok("get-state", &r)) return 0;
    int present = (uint8_t)r.w[1], good = want.p ? present && same((void *)r.w[2], r.w[3], want) : !present;
    if (present) free((void *)r.w[2]);
    if (!good) fail_msg(want.p ? "get-state: wrong or missing value" : "get-state: value present", 0, 0);
    return good;
}

// A list<list<u8>> result must equal `want` exactly, in order. Frees the result.
static int expect_list(const char *op, fs_ret *r, const str *want, size_t n) {
    if (!ok(op, r)) return 0;
    fs_bytes *items = (fs_bytes *)r->w[1];
    size_t count = r->w[2]; int good = count == n;
    for (size_t i = 0; i < count; i++) {
        if (good && !same(items[i].ptr, items[i].len, want[i])) good = 0;
        free(items[i].ptr);
    }
    free(items);
    if (!good) fail_msg(op, (const uint8_t *)": wrong keys or order", 21);
    return good;
}

static int expect_states(str from, str to, const str *want, size_t n) {
    fs_ret r; fs_list_states(store, B(from), B(to), &r);
    return expect_list("list-states", &r, want, n);
}

// Complex keys: key group "g", key "k", a namespace and a user key.
static fs_ckey ck(str ns, str uk) {
    fs_ckey k = {{(uint8_t *)"g", 1}, {(uint8_t *)"k", 1}, {(uint8_t *)ns.p, ns.n}, {(uint8_t *)uk.p, uk.n}};
    return k;
}
static int cput(str ns, str uk, str v) {
    fs_ret r; fs_ckey k = ck(ns, uk); fs_put(store, FS_CK(&k), B(v), &r); return ok("put", &r);
}
static int cmerge(str ns, str uk, str v) {
    fs_ret r; fs_ckey k = ck(ns, uk); fs_merge(store, FS_CK(&k), B(v), &r); return ok("merge", &r);
}
static int cdel(str ns, str uk) {
    fs_ret r; fs_ckey k = ck(ns, uk); fs_delete(store, FS_CK(&k), &r); return ok("delete", &r);
}
static int cdel_prefix(str ns, str uk) {
    fs_ret r; fs_ckey k = ck(ns, uk); fs_delete_prefix(store, FS_CK(&k), &r); return ok("delete-prefix", &r);
}
static int cexpect(str ns, str uk, str want) {
    fs_ret r; fs_ckey k = ck(ns, uk); fs_get(store, FS_CK(&k), &r);
    if (!ok("get", &r)) return 0;
    int present = (uint8_t)r.w[1], good = want.p ? present && same((void *)r.w[2], r.w[3], want) : !present;
    if (present) free((void *)r.w[2]);
    if (!good) fail_msg(want.p ? "get: wrong or missing value" : "get: value present", 0, 0);
    return good;
}
static int clist(str ns, str from, str to, const str *want, size_t n) {
    fs_ret r; fs_list_complex(store, B(S("g")), B(S("k")), B(ns), B(from), B(to), &r);
    return expect_list("list-complex", &r, want, n);
}

// Reads a whole scan; `keys`/`vals` are the expected entries. Before reading, `between` (if set)
// writes to the namespace, which a snapshot scan must not see.
static int scan(str ns, const str *keys, const str *vals, size_t n, int (*between)(void)) {
    fs_ret r;
    fs_scan_complex(store, B(S("g")), B(S("k")), B(ns), &r);
    if (!ok("scan-complex", &r)) return 0;
    int32_t it = (int32_t)r.w[1]; int good = !between || between();
    for (size_t i = 0; good; i++) {
        fs_iter_has_next(it, &r);
        if (!ok("has-next", &r)) { good = 0; break; }
        int more = (uint8_t)r.w[1];
        fs_iter_next(it, &r);
        if (!ok("next", &r)) { good = 0; break; }
        int some = (uint8_t)r.w[1];
        if (some) {
            good = i < n && same((void *)r.w[2], r.w[3], keys[i]) && same((void *)r.w[4], r.w[5], vals[i]);
            free((void *)r.w[2]); free((void *)r.w[4]);
        }
        if (more != some || (!some && i != n)) good = 0;  // has-next must agree with next
        if (!good) fail_msg("scan: wrong entries, order or end", 0, 0);
        if (!some) break;
    }
    fs_iter_drop(it);
    return good;
}

static int write_during_scan(void) { return cput(S("n1"), S("zz"), S("late")); }

#define CHECK(name, cond) do { label = (name); if (!(cond)) { fail_msg("check failed", 0, 0); return; } } while (0)
#define N(a) (sizeof(a) / sizeof((a)[0]))

static void run(void) {
    // Byte keys. Start clean, so the checks can be rerun against a persistent store.
    label = "clear";
    fs_ret r; fs_list_states(store, B(S("")), B(S("")), &r);
    if (!ok("list-states", &r)) return;
    for (size_t i = 0; i < r.w[2]; i++) {
        fs_bytes *k = &((fs_bytes *)r.w[1])[i];
        fs_ret d; fs_delete_state(store, k->ptr, k->len, &d);
        free(k->ptr);
        if (!ok("delete-state", &d)) return;
    }
    free((void *)r.w[1]);
    CHECK("clear", expect_states(S(""), S(""), NULL, 0));
    CHECK("get-absent", expect_state(store, S("missing"), (str){0, 0}));
    CHECK("delete-absent", del_state(S("missing")));
    CHECK("empty-key", put_state(S(""), S("empty-key")) && expect_state(store, S(""), S("empty-key")));
    CHECK("empty-value", put_state(S("ev"), S("")) && expect_state(store, S("ev"), S("")));
    CHECK("overwrite", put_state(S("k"), S("1")) && put_state(S("k"), S("2"))
                       && expect_state(store, S("k"), S("2")));
    static const char all256[] = "\x00\x01\x7f\x80\xfe\xff";  // a few of every kind of byte
    CHECK("binary", put_state(S("\x00\xff\x7f"), S(all256)) && expect_state(store, S("\x00\xff\x7f"), S(all256)));
    CHECK("order-put", put_state(S("\x7f"), S("x")) && put_state(S("\x80"), S("x")) && put_state(S("a"), S("x")));
    // Unsigned order: 0x7F before 0x80; a signed comparison would put 0x80 first.
    static const str every[] = {S(""), S("\x00\xff\x7f"), S("a"), S("ev"), S("k"), S("\x7f"), S("\x80")};
    CHECK("order", expect_states(S(""), S(""), every, N(every)));
    static const str a_to_k[] = {S("a"), S("ev")}, x7f[] = {S("\x7f")}, from_k[] = {S("k"), S("\x7f"), S("\x80")};
    CHECK("range-end-exclusive", expect_states(S("a"), S("k"), a_to_k, N(a_to_k)));
    CHECK("range-7f-80", expect_states(S("\x7f"), S("\x80"), x7f, N(x7f)));
    CHECK("range-empty-end-unbounded", expect_states(S("k"), S(""), from_k, N(from_k)));
    CHECK("range-empty-start", expect_states(S(""), S("a"), every, 2));
    CHECK("delete", del_state(S("a")) && expect_state(store, S("a"), (str){0, 0}));

    // Complex keys. n1 is the namespace under test; "n1x" shares its prefix and (n, "1p1")
    // concatenates to the same bytes as (n1, "p1"): neither may leak into n1.
    label = "cclear";
    if (!cdel_prefix(S("n1"), S("")) || !cdel_prefix(S("n1x"), S("")) || !cdel_prefix(S("n"), S(""))) return;
    CHECK("cget-absent", cexpect(S("n1"), S("p1"), (str){0, 0}));
    CHECK("cdelete-absent", cdel(S("n1"), S("p1")));
    CHECK("cput-get", cput(S("n1"), S("p1"), S("v1")) && cexpect(S("n1"), S("p1"), S("v1")));
    CHECK("cempty-value", cput(S("n1"), S("ue"), S("")) && cexpect(S("n1"), S("ue"), S("")));
    CHECK("cempty-user-key", cput(S("n1"), S(""), S("root")) && cexpect(S("n1"), S(""), S("root")));
    CHECK("merge-absent", cmerge(S("n1"), S("m"), S("ab")) && cexpect(S("n1"), S("m"), S("ab")));
    CHECK("merge-append", cmerge(S("n1"), S("m"), S("cd")) && cexpect(S("n1"), S("m"), S("abcd")));
    CHECK("cput-more", cput(S("n1"), S("p10"), S("v10")) && cput(S("n1"), S("p2"), S("v2"))
                       && cput(S("n1"), S("q"), S("vq")) && cput(S("n1"), S("\x7f"), S("v7f"))
                       && cput(S("n1"), S("\x80"), S("v80")));
    CHECK("neighbours", cput(S("n1x"), S("p1"), S("other")) && cput(S("n"), S("1p1"), S("other")));
    CHECK("key-spaces", cexpect(S("n1"), S("k"), (str){0, 0}) && expect_state(store, S("k"), S("2")));
    static const str bytes_left[] = {S(""), S("\x00\xff\x7f"), S("ev"), S("k"), S("\x7f"), S("\x80")};
    CHECK("byte-keys-unchanged", expect_states(S(""), S(""), bytes_left, N(bytes_left)));
    static const str n1[] = {S(""), S("m"), S("p1"), S("p10"), S("p2"), S("q"), S("ue"), S("\x7f"), S("\x80")};
    CHECK("list-complex-all", clist(S("n1"), S(""), S(""), n1, N(n1)));
    CHECK("list-complex-range", clist(S("n1"), S("p"), S("q"), n1 + 2, 3));
    CHECK("list-complex-empty-end", clist(S("n1"), S("p2"), S(""), n1 + 4, 5));
    CHECK("cdelete", cdel(S("n1"), S("q")) && cexpect(S("n1"), S("q"), (str){0, 0}));
    CHECK("delete-prefix-user-key", cdel_prefix(S("n1"), S("p1")) && cexpect(S("n1"), S("p2"), S("v2"))
                                    && cexpect(S("n1"), S("p1"), (str){0, 0})
                                    && cexpect(S("n1"), S("p10"), (str){0, 0}));
    CHECK("neighbours-untouched", cexpect(S("n1x"), S("p1"), S("other")) && cexpect(S("n"), S("1p1"), S("other")));
    static const str keys[] = {S(""), S("m"), S("p2"), S("ue"), S("\x7f"), S("\x80")};
    static const str vals[] = {S("root"), S("abcd"), S("v2"), S(""), S("v7f"), S("v80")};
    CHECK("scan", scan(S("n1"), keys, vals, N(keys), NULL));
    CHECK("scan-snapshot", scan(S("n1"), keys, vals, N(keys), write_during_scan));
    CHECK("scan-sees-late-write", cexpect(S("n1"), S("zz"), S("late")));
    CHECK("scan-empty", scan(S("none"), NULL, NULL, 0, NULL));
    CHECK("delete-prefix-all", cdel_prefix(S("n1"), S("")) && clist(S("n1"), S(""), S(""), NULL, 0)
                               && cexpect(S("n1x"), S("p1"), S("other")));

    // Names: the same name is the same store, another name another store.
    int32_t again = fs_store_new((const uint8_t *)"store-checks", 12);
    int32_t other = fs_store_new((const uint8_t *)"store-checks-2", 14);
    label = "other-store";
    int good = 0; fs_ret p; fs_put_state(other, B(S("k")), B(S("elsewhere")), &p);
    if (ok("put-state", &p)) good = 1;
    CHECK("same-name-same-store", good && expect_state(again, S("k"), S("2")));
    CHECK("other-name-other-store", expect_state(store, S("k"), S("2")) && expect_state(other, S("k"), S("elsewhere")));
    fs_store_drop(again); fs_store_drop(other);
}

// expect:<variant>[:<message>]: every method must return exactly that error.
static str want_msg; static int want_variant;
static int expect_err(const char *op, fs_ret *r) {
    label = op;
    if (!(uint8_t)r->w[0]) { fail_msg("returned ok", 0, 0); return 0; }
    int v = (uint8_t)r->w[1];
    int good = v == want_variant && (!v || !want_msg.p || same((void *)r->w[2], r->w[3], want_msg));
    if (!good) fail_msg(v == 0 ? "got not-found" : v == 1 ? "got io-error: " : "got other: ",
                        (const uint8_t *)r->w[2], v ? r->w[3] : 0);
    if (v) free((void *)r->w[2]);
    return good;
}

static void expect_errors(void) {
    fs_ret r; fs_ckey k = ck(S("n1"), S("p1"));
    fs_put_state(store, B(S("k")), B(S("v")), &r); if (!expect_err("put-state", &r)) return;
    fs_get_state(store, B(S("k")), &r); if (!expect_err("get-state", &r)) return;
    fs_delete_state(store, B(S("k")), &r); if (!expect_err("delete-state", &r)) return;
    fs_list_states(store, B(S("")), B(S("")), &r); if (!expect_err("list-states", &r)) return;
    fs_put(store, FS_CK(&k), B(S("v")), &r); if (!expect_err("put", &r)) return;
    fs_get(store, FS_CK(&k), &r); if (!expect_err("get", &r)) return;
    fs_delete(store, FS_CK(&k), &r); if (!expect_err("delete", &r)) return;
    fs_merge(store, FS_CK(&k), B(S("v")), &r); if (!expect_err("merge", &r)) return;
    fs_delete_prefix(store, FS_CK(&k), &r); if (!expect_err("delete-prefix", &r)) return;
    fs_list_complex(store, B(S("g")), B(S("k")), B(S("n1")), B(S("")), B(S("")), &r);
    if (!expect_err("list-complex", &r)) return;
    fs_scan_complex(store, B(S("g")), B(S("k")), B(S("n1")), &r);
    expect_err("scan-complex", &r);
}

FS_EXPORT("fs-process") void fs_process(uint32_t source, uint8_t *data, size_t n) {
    (void)source;
    failure[0] = 0;
    if (!store) store = fs_store_new((const uint8_t *)"store-checks", 12);
    static const char *const variants[] = {"not-found", "io-error", "other"};
    if (same(data, n, S("run"))) run();
    else if (n > 7 && !memcmp(data, "expect:", 7)) {
        const uint8_t *v = data + 7, *end = data + n, *colon = memchr(v, ':', (size_t)(end - v));
        size_t vn = (size_t)((colon ? colon : end) - v);
        want_variant = -1;
        for (int i = 0; i < 3; i++) if (same(v, vn, (str){variants[i], strlen(variants[i])})) want_variant = i;
        want_msg = colon ? (str){(const char *)colon + 1, (size_t)(end - colon - 1)} : (str){0, 0};
        if (want_variant < 0) { label = "expect"; fail_msg("unknown variant: ", v, vn); }
        else expect_errors();
    } else { free(data); return; }
    fs_emit_str(0, failure[0] ? failure : "ok");
    free(data);
}

FS_EXPORT("fs-init") void fs_init(fs_pair *cfg, size_t n) { fs_free_pairs(cfg, n); }
FS_EXPORT("fs-process-watermark") void fs_process_watermark(uint32_t s, uint64_t w) { (void)s; (void)w; }
FS_EXPORT("fs-take-checkpoint") void fs_take_checkpoint(uint64_t id) { (void)id; }
FS_EXPORT("fs-check-heartbeat") int32_t fs_check_heartbeat(void) { return 1; }
FS_EXPORT("fs-close") void fs_close(void) { if (store) fs_store_drop(store); store = 0; }
FS_EXPORT("fs-exec") void fs_exec(uint8_t *c, size_t cn, fs_pair *m, size_t n) {
    (void)cn; free(c); fs_free_pairs(m, n);
}
static fs_bytes custom;
FS_EXPORT("fs-custom") fs_bytes *fs_custom(uint8_t *p, size_t n) {
    custom.ptr = p; custom.len = n;
    return &custom;
}
FS_EXPORT("cabi_post_fs-custom") void fs_custom_post(fs_bytes *r) { free(r->ptr); }
