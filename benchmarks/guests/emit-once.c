// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
//
// The smallest useful processor: fs-process emits its input once on target 0 and does nothing else.
// The canonical-ABI benchmark runs it through WasmDriver and compares it with raw-emit.wat on bare
// Chicory, so everything here beyond "pass (ptr, len) to the host" is what the component model costs:
// the host allocating the payload through cabi_realloc, and the guest freeing it.
#include "fs_abi.h"

FS_EXPORT("fs-init") void fs_init(fs_pair *cfg, size_t n) { fs_free_pairs(cfg, n); }

FS_EXPORT("fs-process") void fs_process(uint32_t source, uint8_t *data, size_t n) {
    (void)source;
    fs_emit(0, data, n);
    free(data);  // the host allocated the payload for us through cabi_realloc; it is ours to free
}

FS_EXPORT("fs-process-watermark") void fs_process_watermark(uint32_t source, uint64_t wm) {
    (void)source; (void)wm;
}

FS_EXPORT("fs-take-checkpoint") void fs_take_checkpoint(uint64_t id) { (void)id; }

FS_EXPORT("fs-check-heartbeat") int32_t fs_check_heartbeat(void) { return 1; }

FS_EXPORT("fs-close") void fs_close(void) {}

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
