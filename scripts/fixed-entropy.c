// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
//
// LD_PRELOAD shim that makes componentize-qjs builds reproducible. Its Wizer snapshot captures the
// JS heap after initialisation, and that heap holds values seeded from the build machine: random
// bytes (hash seeds, Math.random state) and clock readings (wall and monotonic). Feeding both from
// constants makes two builds of the same source byte-identical. Every clock is frozen: passing the
// monotonic clock through was tried and still left differences. The build uses no timers, so a
// frozen clock does not stall node.
#define _GNU_SOURCE
#include <string.h>
#include <sys/types.h>
#include <time.h>

ssize_t getrandom(void *buf, size_t n, unsigned flags) {
    (void)flags;
    memset(buf, 0x5a, n);
    return (ssize_t)n;
}

int getentropy(void *buf, size_t n) {
    memset(buf, 0x5a, n);
    return 0;
}

int clock_gettime(clockid_t id, struct timespec *ts) {
    (void)id;
    ts->tv_sec = 1700000000;  // 2023-11-14, any constant will do
    ts->tv_nsec = 0;
    return 0;
}
