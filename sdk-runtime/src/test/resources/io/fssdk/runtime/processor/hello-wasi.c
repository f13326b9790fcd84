// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
//
// A processor guest that uses WASI through wasi-libc (wrapped with jco's preview1 reactor adapter, so
// it imports wasi:cli, wasi:io, wasi:clocks, wasi:filesystem @0.2.12). For each record it prints
// "hello <record>" on stdout and emits the value of the environment variable GREETING, or "(unset)"
// when the host grants none, which is the default.
#include <stdio.h>
#include "fs_abi.h"

FS_EXPORT("fs-process") void fs_process(uint32_t source, uint8_t *data, size_t n) {
    (void)source;
    printf("hello %.*s\n", (int)n, (const char *)data);
    fflush(stdout);
    const char *greeting = getenv("GREETING");
    fs_emit_str(0, greeting ? greeting : "(unset)");
    free(data);
}

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
