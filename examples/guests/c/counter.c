// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
//
// The Function Stream counter as a C guest of the `processor` world. Its output must be
// byte-identical with fssdk-java's native counter, so trimming, number parsing, key order and JSON
// escaping are all spelled out below instead of borrowing a library's idea of them.
#include "fs_abi.h"

// One counted word. `json` caches its escaped `"word":` so a record only re-escapes new words.
typedef struct {
    uint8_t *key; size_t klen;
    char *json; size_t jlen;
    int64_t count;
} entry;

static int32_t store;                  // 0 = not open (never a valid handle)
static uint8_t *prefix; static size_t prefix_len;
static int64_t total_processed;
static entry **entries;                // sorted by unsigned bytes, so output needs no sort
static size_t n_entries, cap_entries;
static char *out; static size_t out_cap; // JSON buffer reused across records

static void *xmalloc(size_t n) { void *p = malloc(n ? n : 1); if (!p) __builtin_trap(); return p; }

static int is_ws(uint8_t c) { return c == ' ' || (c >= '\t' && c <= '\r'); } // \t \n \v \f \r

static void trim(const uint8_t **p, size_t *n) {
    while (*n && is_ws(**p)) { (*p)++; (*n)--; }
    while (*n && is_ws((*p)[*n - 1])) (*n)--;
}

// Strict signed decimal: [+-]?[0-9]+ within int64. Anything else (empty, junk, overflow) is 0,
// like a failed Long.parseLong / strconv.ParseInt in the reference counters.
static int64_t parse_i64(const uint8_t *p, size_t n) {
    size_t i = 0; int neg = 0;
    if (n && (p[0] == '+' || p[0] == '-')) { neg = p[0] == '-'; i = 1; }
    if (i == n) return 0;
    uint64_t limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX, v = 0;
    for (; i < n; i++) {
        if (p[i] < '0' || p[i] > '9') return 0;
        uint64_t d = p[i] - '0';
        if (v > (limit - d) / 10) return 0;
        v = v * 10 + d;
    }
    return neg ? (int64_t)(0 - v) : (int64_t)v;
}

// int64 to decimal; the magnitude goes through uint64 so INT64_MIN works. Returns the length.
static size_t fmt_i64(int64_t x, char *buf) {
    char tmp[20]; size_t n = 0, len = 0;
    uint64_t v = x < 0 ? 0 - (uint64_t)x : (uint64_t)x;
    // i64.div_u is slow in the sandbox (Long.divideUnsigned on the JVM: ~10% of the counter's profile),
    // and counts nearly always fit 32 bits: peel digits in 64 bits only while they do not.
    while (v > 0xFFFFFFFFu) { tmp[n++] = (char)('0' + v % 10); v /= 10; }
    uint32_t w = (uint32_t)v;
    do { tmp[n++] = (char)('0' + w % 10); w /= 10; } while (w);
    if (x < 0) buf[len++] = '-';
    while (n) buf[len++] = tmp[--n];
    return len;
}

static size_t put_u(char *o, uint32_t u) {   // \uXXXX, upper-case hex as Jackson writes it
    static const char hex[] = "0123456789ABCDEF";
    o[0] = '\\'; o[1] = 'u';
    for (int i = 0; i < 4; i++) o[2 + i] = hex[(u >> (12 - 4 * i)) & 15];
    return 6;
}

// Jackson's default byte output (ObjectMapper.writeValueAsBytes, 2.18): short forms for
// " \ \n \r \t \b \f, \u00XX for other control bytes, and, because
// COMBINE_UNICODE_SURROGATES_IN_UTF8 is off by default, a 4-byte UTF-8 character (U+10000 and up)
// as an escaped surrogate pair. Everything else (0x7F, 2- and 3-byte UTF-8, stray bytes) is raw.
static size_t escape(const uint8_t *s, size_t n, char *o) {
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = s[i]; char e = 0;
        if (c >= 0xF0 && c <= 0xF4 && i + 3 < n && (s[i + 1] & 0xC0) == 0x80
            && (s[i + 2] & 0xC0) == 0x80 && (s[i + 3] & 0xC0) == 0x80) {
            uint32_t cp = (uint32_t)(c & 7) << 18 | (uint32_t)(s[i + 1] & 63) << 12
                        | (uint32_t)(s[i + 2] & 63) << 6 | (s[i + 3] & 63);
            if (cp >= 0x10000 && cp <= 0x10FFFF) {
                cp -= 0x10000;
                len += put_u(o + len, 0xD800 | cp >> 10);
                len += put_u(o + len, 0xDC00 | (cp & 0x3FF));
                i += 3;
                continue;
            }
        }
        switch (c) {
        case '"': e = '"'; break;   case '\\': e = '\\'; break;
        case '\n': e = 'n'; break;  case '\r': e = 'r'; break;
        case '\t': e = 't'; break;  case '\b': e = 'b'; break;
        case '\f': e = 'f'; break;
        }
        if (e) { o[len++] = '\\'; o[len++] = e; }
        else if (c < 0x20) len += put_u(o + len, c);
        else o[len++] = (char)c;
    }
    return len;
}

static int cmp_bytes(const uint8_t *a, size_t an, const uint8_t *b, size_t bn) {
    int c = memcmp(a, b, an < bn ? an : bn);  // memcmp compares as unsigned char
    return c ? c : (an > bn) - (an < bn);
}

// Binary search: returns the entry for the word, inserting it (count 0) when new.
static entry *lookup(const uint8_t *k, size_t kn) {
    size_t lo = 0, hi = n_entries;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = cmp_bytes(entries[mid]->key, entries[mid]->klen, k, kn);
        if (c == 0) return entries[mid];
        if (c < 0) lo = mid + 1; else hi = mid;
    }
    if (n_entries == cap_entries) {
        cap_entries = cap_entries ? cap_entries * 2 : 64;
        entries = realloc(entries, cap_entries * sizeof *entries);
        if (!entries) __builtin_trap();
    }
    entry *e = xmalloc(sizeof *e);
    e->key = xmalloc(kn); memcpy(e->key, k, kn); e->klen = kn;
    e->json = xmalloc(kn * 6 + 3);  // worst case 6 output bytes per input byte, plus quotes and ':'
    e->json[0] = '"';
    e->jlen = 1 + escape(k, kn, e->json + 1);
    e->json[e->jlen++] = '"'; e->json[e->jlen++] = ':';
    e->count = 0;
    memmove(entries + lo + 1, entries + lo, (n_entries - lo) * sizeof *entries);
    entries[lo] = e; n_entries++;
    return e;
}

static void clear_map(void) {
    for (size_t i = 0; i < n_entries; i++) {
        free(entries[i]->key); free(entries[i]->json); free(entries[i]);
    }
    free(entries); entries = NULL; n_entries = cap_entries = 0;
}

static void reserve_out(size_t need) {
    if (need <= out_cap) return;
    out_cap = need * 2;
    free(out); out = xmalloc(out_cap);
}

static void close_store(void) {
    if (store) fs_store_drop(store);
    store = 0;
}

// Instance state. total_processed and counter_map live in memory, as in the Go reference, so a run
// restored from a checkpoint would restart them. fs-take-checkpoint therefore saves them in the store
// (under a complex key: its own key space, which no word's byte key can reach) and fs-init loads them,
// so a restored run continues its output exactly. Little-endian layout, shared with CounterOperator:
// u64 total_processed, u32 n, then n times (u32 word length, word bytes, i64 count), words in order.
static uint8_t inst_group[] = "counter", inst_key[] = "instance";
#define INST_CK inst_group, 7, inst_key, 8, inst_key, 0, inst_key, 0

static void put_le(uint8_t *p, uint64_t v, int n) { for (int i = 0; i < n; i++) p[i] = (uint8_t)(v >> (8 * i)); }
static uint64_t get_le(const uint8_t *p, int n) {
    uint64_t v = 0;
    for (int i = 0; i < n; i++) v |= (uint64_t)p[i] << (8 * i);
    return v;
}

// Loads a saved instance state; a malformed one is ignored whole (the counter starts empty).
static void load_instance(void) {
    fs_ret r;
    fs_get(store, INST_CK, &r);
    if ((uint8_t)r.w[0]) { free((void *)r.w[2]); return; }  // a keyed store (Flink) outside a record
    if (!(uint8_t)r.w[1]) return;
    const uint8_t *p = (const uint8_t *)r.w[2]; size_t n = r.w[3];
    if (n >= 12) {
        uint32_t count = (uint32_t)get_le(p + 8, 4);
        size_t pos = 12; int ok = 1;
        for (uint32_t i = 0; i < count && ok; i++) {
            if (n - pos < 12) { ok = 0; break; }
            uint32_t kl = (uint32_t)get_le(p + pos, 4);
            if (kl > n - pos - 12) ok = 0; else pos += 12 + (size_t)kl;
        }
        if (ok && pos == n) {
            total_processed = (int64_t)get_le(p, 8);
            pos = 12;
            for (uint32_t i = 0; i < count; i++) {
                uint32_t kl = (uint32_t)get_le(p + pos, 4);
                lookup(p + pos + 4, kl)->count = (int64_t)get_le(p + pos + 4 + kl, 8);
                pos += 12 + (size_t)kl;
            }
        }
    }
    free((void *)r.w[2]);
}

FS_EXPORT("fs-init") void fs_init(fs_pair *cfg, size_t n) {
    static const char name[] = "counter-store";
    close_store(); clear_map();
    total_processed = 0;
    free(prefix); prefix = NULL; prefix_len = 0;
    store = fs_store_new((const uint8_t *)name, sizeof name - 1);
    load_instance();
    for (size_t i = 0; i < n; i++) {     // a repeated key: the last one wins, as in a map
        if (cfg[i].a.len == 10 && memcmp(cfg[i].a.ptr, "key_prefix", 10) == 0) {
            const uint8_t *p = cfg[i].b.ptr; size_t len = cfg[i].b.len;
            trim(&p, &len);
            free(prefix); prefix = xmalloc(len); memcpy(prefix, p, len); prefix_len = len;
        }
    }
    fs_free_pairs(cfg, n);
}

FS_EXPORT("fs-process") void fs_process(uint32_t source, uint8_t *data, size_t n) {
    (void)source;
    const uint8_t *in = data; size_t in_len = n;
    trim(&in, &in_len);
    if (in_len == 0 || !store) { free(data); return; }
    total_processed++;

    // Full key = prefix + word; the store sees it, the in-memory map keeps the bare word.
    uint8_t *key = xmalloc(prefix_len + in_len);
    memcpy(key, prefix, prefix_len); memcpy(key + prefix_len, in, in_len);
    fs_ret r;
    fs_get_state(store, key, prefix_len + in_len, &r);
    if ((uint8_t)r.w[0]) __builtin_trap();  // a store error is fatal; the host reports the trap
    int64_t current = 0;
    if ((uint8_t)r.w[1]) {
        current = parse_i64((const uint8_t *)r.w[2], r.w[3]);
        free((void *)r.w[2]);
    }
    int64_t next = (int64_t)((uint64_t)current + 1);  // wraps like Java's long
    entry *e = lookup(in, in_len);
    e->count = next;

    char num[21];
    size_t num_len = fmt_i64(next, num);
    fs_put_state(store, key, prefix_len + in_len, (const uint8_t *)num, num_len, &r);
    if ((uint8_t)r.w[0]) __builtin_trap();
    free(key); free(data);

    // {"total_processed":N,"counter_map":{...}}: size it first, then fill without checks.
    size_t need = 64;
    for (size_t i = 0; i < n_entries; i++) need += entries[i]->jlen + 21;
    reserve_out(need);
    size_t len = 0;
    memcpy(out, "{\"total_processed\":", 19); len = 19;
    len += fmt_i64(total_processed, out + len);
    memcpy(out + len, ",\"counter_map\":{", 16); len += 16;
    for (size_t i = 0; i < n_entries; i++) {
        if (i) out[len++] = ',';
        memcpy(out + len, entries[i]->json, entries[i]->jlen); len += entries[i]->jlen;
        len += fmt_i64(entries[i]->count, out + len);
    }
    out[len++] = '}'; out[len++] = '}';
    fs_emit(0, (const uint8_t *)out, len);
}

FS_EXPORT("fs-process-watermark") void fs_process_watermark(uint32_t source, uint64_t wm) {
    (void)source;
    fs_emit_watermark(0, wm);
}

// Saves the instance state (see load_instance); the runner commits it before the backend checkpoint.
FS_EXPORT("fs-take-checkpoint") void fs_take_checkpoint(uint64_t id) {
    (void)id;
    if (!store) return;
    size_t size = 12;
    for (size_t i = 0; i < n_entries; i++) size += 12 + entries[i]->klen;
    uint8_t *buf = xmalloc(size), *p = buf;
    put_le(p, (uint64_t)total_processed, 8); put_le(p + 8, n_entries, 4); p += 12;
    for (size_t i = 0; i < n_entries; i++) {
        put_le(p, entries[i]->klen, 4);
        memcpy(p + 4, entries[i]->key, entries[i]->klen);
        put_le(p + 4 + entries[i]->klen, (uint64_t)entries[i]->count, 8);
        p += 12 + entries[i]->klen;
    }
    fs_ret r;
    fs_put(store, INST_CK, buf, size, &r);
    free(buf);
    if ((uint8_t)r.w[0]) free((void *)r.w[2]);  // a keyed store (Flink) has no key here: nothing saved
}

FS_EXPORT("fs-check-heartbeat") int32_t fs_check_heartbeat(void) { return 1; }

// Like the Go reference: forget everything, so a later fs-init starts clean.
FS_EXPORT("fs-close") void fs_close(void) {
    close_store(); clear_map();
    total_processed = 0;
    free(prefix); prefix = NULL; prefix_len = 0;
}

FS_EXPORT("fs-exec") void fs_exec(uint8_t *cls, size_t cls_len, fs_pair *mods, size_t n) {
    (void)cls_len;
    free(cls); fs_free_pairs(mods, n);
}

// The payload buffer is already ours (the host allocated it through cabi_realloc), so it is
// returned as the result and freed in post-return.
static fs_bytes custom_ret;
FS_EXPORT("fs-custom") fs_bytes *fs_custom(uint8_t *p, size_t n) {
    custom_ret.ptr = p; custom_ret.len = n;
    return &custom_ret;
}
FS_EXPORT("cabi_post_fs-custom") void fs_custom_post(fs_bytes *r) { free(r->ptr); }
