// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
//
// A processor guest that talks through WASI: for every record it writes "seen <record>" to its
// stderr and "said <record>" to its stdout, then emits the record back on target 0. It is built with the WASI reactor adapter (imports wasi:cli
// and friends), so the command line's handling of a guest's own output can be checked: both streams
// go to the command's stderr, prefixed with the operator's name, and --quiet hides them.
#include "fs_abi.h"
#include <stdio.h>

FS_EXPORT("fs-process") void fs_process(uint32_t source, uint8_t *data, size_t n) {
    (void)source;
    fprintf(stderr, "seen %.*s\n", (int)n, (const char *)data);
    printf("said %.*s\n", (int)n, (const char *)data);
    fflush(stdout);
    fs_emit(0, data, n);
    free(data);
}

FS_EXPORT("fs-init") void fs_init(fs_pair *cfg, size_t n) {
    fs_free_pairs(cfg, n);
}

// The rest of the world, doing nothing of note.
FS_EXPORT("fs-close") void fs_close(void) {}
FS_EXPORT("fs-check-heartbeat") int32_t fs_check_heartbeat(void) { return 1; }
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
