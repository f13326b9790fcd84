package io.fssdk.runtime.component.abi;

/**
 * The {@code realloc} canonical option: the guest's {@code cabi_realloc}, which instantiation wraps so the
 * canonical ABI can allocate in guest memory. Called with {@code (0, 0, align, size)} to allocate. The
 * returned pointer is checked by the caller: a misaligned or out-of-bounds pointer traps.
 *
 * @see <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#lifting-and-lowering-context">
 *     CanonicalABI.md: lifting and lowering context ({@code reallocate})</a>
 */
@FunctionalInterface
public interface Realloc {
    /**
     * Reallocates, as {@code cabi_realloc(old_ptr, old_size, align, new_size) -> new_ptr}.
     *
     * @param oldPtr the old block, or 0 to allocate
     * @param oldSize the old block's size, or 0
     * @param align the required alignment, a power of two
     * @param newSize the new size in bytes, read as unsigned
     * @return the new block's address, read as unsigned
     */
    int realloc(int oldPtr, int oldSize, int align, int newSize);
}
