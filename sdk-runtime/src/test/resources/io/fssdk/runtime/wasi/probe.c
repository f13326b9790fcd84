// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
//
// Guest of probe.wit: plain wasi-libc calls (stdio, environ, clocks, nanosleep, getentropy, files,
// exit), wrapped by a preview1 reactor adapter into a WASI 0.2 component. The canonical ABI is written
// by hand: params arrive in malloc'd memory (cabi_realloc) and are freed here; results are malloc'd
// and listed in `pending`, which each post-return frees.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <wasi/api.h>

#define EXPORT(n) __attribute__((export_name(n)))

extern char **environ;

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
static void *ret_ok(const char *s) { return ret_str(0, s, strlen(s)); }
static void *ret_err(void) { const char *m = strerror(errno); return ret_str(1, m, strlen(m)); }

// list<string> from n C strings: (ptr, len) per element.
static void *ret_strings(char **v, size_t n) {
    uint32_t *list = keep(xmalloc(n * 8));
    for (size_t i = 0; i < n; i++) { list[2 * i] = (uint32_t)v[i]; list[2 * i + 1] = strlen(v[i]); }
    ret.w[0] = (uint32_t)list; ret.w[1] = n;
    return &ret;
}

EXPORT("print") void print(char *o, size_t on, char *e, size_t en) {
    fwrite(o, 1, on, stdout); fflush(stdout);
    fwrite(e, 1, en, stderr); fflush(stderr);
    free(o); free(e);
}

EXPORT("read-stdin") void *read_stdin(void) {
    char *data = keep(xmalloc(1)); size_t len = 0; ssize_t got;
    char chunk[4096];
    while ((got = read(0, chunk, sizeof chunk)) > 0) {
        data = pending[n_pending - 1] = realloc(data, len + got);
        if (!data) __builtin_trap();
        memcpy(data + len, chunk, got); len += got;
    }
    if (got < 0) __builtin_trap();
    ret.w[0] = (uint32_t)data; ret.w[1] = len;
    return &ret;
}

EXPORT("getenv") void *get_env(char *p, size_t n) {
    char *name = cstr(p, n), *v = getenv(name);
    free(name);
    if (!v) { ret.w[0] = 0; return &ret; }
    return ret_str(1, v, strlen(v));
}

EXPORT("environ") void *get_environ(void) {
    size_t n = 0;
    while (environ && environ[n]) n++;
    return ret_strings(environ, n);
}

// A reactor has no main(argc, argv), so ask WASI directly.
EXPORT("args") void *args(void) {
    size_t argc, size;
    if (__wasi_args_sizes_get(&argc, &size)) __builtin_trap();
    char **argv = keep(xmalloc((argc + 1) * sizeof *argv)), *buf = keep(xmalloc(size));
    if (__wasi_args_get((uint8_t **)argv, (uint8_t *)buf)) __builtin_trap();
    return ret_strings(argv, argc);
}

static uint64_t ns(clockid_t id) {
    struct timespec t;
    if (clock_gettime(id, &t)) __builtin_trap();
    return (uint64_t)t.tv_sec * 1000000000u + t.tv_nsec;
}

EXPORT("clocks") void *clocks(void) {
    uint64_t v[2] = {ns(CLOCK_REALTIME), ns(CLOCK_MONOTONIC)};
    memcpy(&ret, v, 16);
    return &ret;
}

EXPORT("sleep") uint64_t do_sleep(uint64_t n) {
    uint64_t start = ns(CLOCK_MONOTONIC);
    struct timespec t = {(time_t)(n / 1000000000u), (long)(n % 1000000000u)};
    if (nanosleep(&t, NULL)) __builtin_trap();
    return ns(CLOCK_MONOTONIC) - start;
}

EXPORT("random") void *random_bytes(uint32_t n) {
    uint8_t *b = keep(xmalloc(n));
    for (uint32_t i = 0; i < n; i += 256)  // getentropy takes at most 256 bytes per call
        if (getentropy(b + i, n - i < 256 ? n - i : 256)) __builtin_trap();
    ret.w[0] = (uint32_t)b; ret.w[1] = n;
    return &ret;
}

// Reads an open descriptor to its end into a kept buffer; closes it.
static void *slurp(int fd) {
    char *data = keep(xmalloc(1)); size_t len = 0; ssize_t got;
    char chunk[4096];
    while ((got = read(fd, chunk, sizeof chunk)) > 0) {
        data = pending[n_pending - 1] = realloc(data, len + got);
        if (!data) __builtin_trap();
        memcpy(data + len, chunk, got); len += got;
    }
    int saved = errno;
    close(fd);
    if (got < 0) { errno = saved; return ret_err(); }
    ret.w[0] = 0; ret.w[1] = (uint32_t)data; ret.w[2] = len;
    return &ret;
}

EXPORT("read-file") void *read_file(char *p, size_t n) {
    char *path = cstr(p, n);
    int fd = open(path, O_RDONLY);
    free(path);
    return fd < 0 ? ret_err() : slurp(fd);
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
        names[count] = keep(xmalloc(strlen(e->d_name) + 1));
        strcpy(names[count++], e->d_name);
    }
    closedir(d);
    qsort(names, count, sizeof *names, by_name);
    ret_strings(names, count);
    ret.w[2] = ret.w[1]; ret.w[1] = ret.w[0]; ret.w[0] = 0;  // result<list<string>, _>: ok tag first
    return &ret;
}

static const char *kind(mode_t m) {
    return S_ISDIR(m) ? "dir" : S_ISLNK(m) ? "link" : S_ISREG(m) ? "file" : "other";
}

// One filesystem call per op; `a` and `b` are paths, or data for "append" and a number for
// "truncate" and "utimes". "read-at" and "write-at" open directory `a`, then call path_open with `b`
// directly: wasi-libc's open() and openat() match absolute paths against the preopens themselves, so
// only this way does an absolute path reach the host.
static void *fs_op(const char *op, const char *a, const char *b) {
    char out[256]; struct stat st; int fd;
    if (!strcmp(op, "mkdir")) { if (mkdir(a, 0755)) return ret_err(); return ret_ok("ok"); }
    if (!strcmp(op, "rmdir")) { if (rmdir(a)) return ret_err(); return ret_ok("ok"); }
    if (!strcmp(op, "unlink")) { if (unlink(a)) return ret_err(); return ret_ok("ok"); }
    if (!strcmp(op, "rename")) { if (rename(a, b)) return ret_err(); return ret_ok("ok"); }
    if (!strcmp(op, "symlink")) { if (symlink(a, b)) return ret_err(); return ret_ok("ok"); }
    if (!strcmp(op, "readlink")) {
        ssize_t len = readlink(a, out, sizeof out - 1);
        if (len < 0) return ret_err();
        out[len] = 0; return ret_ok(out);
    }
    if (!strcmp(op, "stat") || !strcmp(op, "lstat")) {
        if ((op[0] == 's' ? stat(a, &st) : lstat(a, &st))) return ret_err();
        snprintf(out, sizeof out, "%s %lld", kind(st.st_mode), (long long)st.st_size);
        return ret_ok(out);
    }
    if (!strcmp(op, "append")) {
        if ((fd = open(a, O_WRONLY | O_APPEND | O_CREAT, 0644)) < 0) return ret_err();
        ssize_t put = write(fd, b, strlen(b));
        close(fd);
        if (put < 0) return ret_err();
        return ret_ok("ok");
    }
    if (!strcmp(op, "truncate")) { if (truncate(a, atoll(b))) return ret_err(); return ret_ok("ok"); }
    if (!strcmp(op, "utimes")) {
        struct timespec t[2] = {{atoll(b), 0}, {atoll(b), 0}};
        if (utimensat(AT_FDCWD, a, t, 0) || stat(a, &st)) return ret_err();
        snprintf(out, sizeof out, "mtime %lld", (long long)st.st_mtim.tv_sec);
        return ret_ok(out);
    }
    if (!strcmp(op, "read-at") || !strcmp(op, "write-at")) {
        int dir = open(a, O_RDONLY | O_DIRECTORY);
        if (dir < 0) return ret_err();
        int w = op[0] == 'w';
        __wasi_fd_t wfd;
        __wasi_errno_t e = __wasi_path_open(dir, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, b,
            w ? __WASI_OFLAGS_CREAT | __WASI_OFLAGS_TRUNC : 0, w ? __WASI_RIGHTS_FD_WRITE : __WASI_RIGHTS_FD_READ,
            0, 0, &wfd);
        close(dir);
        if (e) { errno = e; return ret_err(); }
        if (!w) return slurp((int)wfd);
        ssize_t put = write((int)wfd, "escaped", 7);
        close((int)wfd);
        if (put < 0) return ret_err();
        return ret_ok("ok");
    }
    errno = ENOSYS;
    return ret_err();
}

EXPORT("fs") void *fs(char *o, size_t on, char *a, size_t an, char *b, size_t bn) {
    char *op = cstr(o, on), *pa = cstr(a, an), *pb = cstr(b, bn);
    void *r = fs_op(op, pa, pb);
    free(op); free(pa); free(pb);
    return r;
}

EXPORT("exit") void do_exit(uint32_t code) { exit((int)code); }

#define POST(name, id) EXPORT("cabi_post_" name) void post_##id(void *r) { (void)r; release(); }
POST("read-stdin", read_stdin) POST("getenv", getenv) POST("environ", environ) POST("args", args)
POST("random", random) POST("read-file", read_file) POST("write-file", write_file)
POST("list-dir", list_dir) POST("fs", fs)
