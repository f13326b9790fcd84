// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
//
// Guest of probe.wit: plain wasi-libc calls (stdio, getenv, clocks, getentropy, files, exit),
// wrapped by a preview1 reactor adapter into a WASI 0.2 component. The canonical ABI is written by
// hand: params arrive in malloc'd memory (cabi_realloc) and are freed here; results are malloc'd
// and listed in `pending`, which each post-return frees.
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wasi/api.h>

#define EXPORT(n) __attribute__((export_name(n)))

static void *xmalloc(size_t n) { void *p = malloc(n ? n : 1); if (!p) __builtin_trap(); return p; }

EXPORT("cabi_realloc") void *cabi_realloc(void *old, size_t old_size, size_t align, size_t size) {
    (void)old_size; (void)align;  // malloc aligns to 16
    void *p = realloc(old, size ? size : 1);
    if (!p) __builtin_trap();
    return p;
}

static void *pending[4096]; static size_t n_pending;
static void *keep(void *p) { if (n_pending == 4096) __builtin_trap(); return pending[n_pending++] = p; }
static void release(void) { while (n_pending) free(pending[--n_pending]); }

// Copies (ptr, len) into a NUL-terminated string and frees the original.
static char *cstr(char *p, size_t n) {
    char *s = xmalloc(n + 1);
    memcpy(s, p, n); s[n] = 0;
    free(p);
    return s;
}

static struct { uint32_t w[4]; } ret;  // return area: tag/ptr/len words, or two u64
static void *ret_str(uint32_t tag, const char *s, size_t n) {
    char *copy = keep(xmalloc(n));
    memcpy(copy, s, n);
    ret.w[0] = tag; ret.w[1] = (uint32_t)copy; ret.w[2] = (uint32_t)n;
    return &ret;
}
static void *ret_err(void) { const char *m = strerror(errno); return ret_str(1, m, strlen(m)); }

EXPORT("print") void print(char *o, size_t on, char *e, size_t en) {
    fwrite(o, 1, on, stdout); fflush(stdout);
    fwrite(e, 1, en, stderr); fflush(stderr);
    free(o); free(e);
}

EXPORT("getenv") void *get_env(char *p, size_t n) {
    char *name = cstr(p, n), *v = getenv(name);
    free(name);
    if (!v) { ret.w[0] = 0; return &ret; }
    return ret_str(1, v, strlen(v));
}

// A reactor has no main(argc, argv), so ask WASI directly.
EXPORT("args") void *args(void) {
    size_t argc, size;
    if (__wasi_args_sizes_get(&argc, &size)) __builtin_trap();
    char **argv = keep(xmalloc((argc + 1) * sizeof *argv)), *buf = keep(xmalloc(size));
    if (__wasi_args_get((uint8_t **)argv, (uint8_t *)buf)) __builtin_trap();
    uint32_t *list = keep(xmalloc(argc * 8));  // list<string>: (ptr, len) per element
    for (size_t i = 0; i < argc; i++) { list[2 * i] = (uint32_t)argv[i]; list[2 * i + 1] = strlen(argv[i]); }
    ret.w[0] = (uint32_t)list; ret.w[1] = argc;
    return &ret;
}

EXPORT("clocks") void *clocks(void) {
    struct timespec wall, mono;
    clock_gettime(CLOCK_REALTIME, &wall); clock_gettime(CLOCK_MONOTONIC, &mono);
    uint64_t v[2] = {(uint64_t)wall.tv_sec * 1000000000u + wall.tv_nsec,
                     (uint64_t)mono.tv_sec * 1000000000u + mono.tv_nsec};
    memcpy(&ret, v, 16);
    return &ret;
}

EXPORT("random") void *random_bytes(uint32_t n) {
    uint8_t *b = keep(xmalloc(n));
    for (uint32_t i = 0; i < n; i += 256)  // getentropy takes at most 256 bytes per call
        if (getentropy(b + i, n - i < 256 ? n - i : 256)) __builtin_trap();
    ret.w[0] = (uint32_t)b; ret.w[1] = n;
    return &ret;
}

EXPORT("read-file") void *read_file(char *p, size_t n) {
    char *path = cstr(p, n);
    FILE *f = fopen(path, "rb");
    free(path);
    if (!f) return ret_err();
    char *data = keep(xmalloc(1)); size_t len = 0, got;
    char chunk[4096];
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        data = pending[n_pending - 1] = realloc(data, len + got);
        if (!data) __builtin_trap();
        memcpy(data + len, chunk, got); len += got;
    }
    int failed = ferror(f);
    fclose(f);
    if (failed) return ret_err();
    ret.w[0] = 0; ret.w[1] = (uint32_t)data; ret.w[2] = len;
    return &ret;
}

EXPORT("write-file") void *write_file(char *p, size_t n, char *d, size_t dn) {
    char *path = cstr(p, n);
    FILE *f = fopen(path, "wb");
    free(path);
    if (!f) { free(d); return ret_err(); }
    size_t put = fwrite(d, 1, dn, f);
    free(d);
    if (fclose(f) != 0 || put != dn) return ret_err();
    ret.w[0] = 0;
    return &ret;
}

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

EXPORT("list-dir") void *list_dir(char *p, size_t n) {
    char *path = cstr(p, n);
    DIR *d = opendir(path);
    free(path);
    if (!d) return ret_err();
    char **names = keep(xmalloc(sizeof *names)); size_t count = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        names = pending[n_pending - 1] = realloc(names, (count + 1) * sizeof *names);
        if (!names) __builtin_trap();
        names[count] = xmalloc(strlen(e->d_name) + 1);
        strcpy(names[count++], e->d_name);
    }
    closedir(d);
    qsort(names, count, sizeof *names, by_name);
    uint32_t *list = keep(xmalloc(count * 8));
    for (size_t i = 0; i < count; i++) {
        list[2 * i] = (uint32_t)keep(names[i]); list[2 * i + 1] = strlen(names[i]);
    }
    ret.w[0] = 0; ret.w[1] = (uint32_t)list; ret.w[2] = count;
    return &ret;
}

EXPORT("exit") void do_exit(uint32_t code) { exit((int)code); }

#define POST(name, id) EXPORT("cabi_post_" name) void post_##id(void *r) { (void)r; release(); }
POST("getenv", getenv) POST("args", args) POST("clocks", clocks) POST("random", random)
POST("read-file", read_file) POST("write-file", write_file) POST("list-dir", list_dir)
