package io.fssdk.runtime.component;

/**
 * One call of an export on the typed fast path: the host writes its arguments into guest memory itself,
 * calls the core function with flattened arguments, reads the results, and closes the call, which runs
 * the export's post-return function. Nothing is lifted into value trees.
 *
 * <p>Use it in try-with-resources. The instance is entered by {@link ExportedFunction#rawCall()} and
 * left by {@link #close()}; a trap anywhere poisons the instance and is thrown as
 * {@link TrapException}. Calls are not reentrant and an instance is not thread-safe.
 */
public interface RawCall extends AutoCloseable {
    /** Copies {@code data} into memory allocated through the export's {@code cabi_realloc}. */
    int writeBytes(byte[] data);

    /** Allocates {@code size} bytes aligned to {@code align} through the export's {@code cabi_realloc}. */
    int allocate(int align, int size);

    /** Stores an i32 into guest memory, e.g. into an array of (pointer, length) pairs it allocated. */
    void storeI32(int addr, int value);

    /**
     * Encodes a string into memory allocated through the export's {@code cabi_realloc}.
     *
     * @return {@code (ptr & 0xffffffffL) | ((long) taggedLength << 32)}
     */
    long writeString(String s);

    /**
     * Calls the core function once.
     *
     * @param coreArgs the flattened arguments
     * @return the core results (an empty array for none)
     */
    long[] invoke(long... coreArgs);

    /** Copies {@code length} bytes of guest memory at {@code ptr}. */
    byte[] readBytes(int ptr, int length);

    /**
     * Traps unless {@code size} bytes at {@code ptr} are in memory and {@code ptr} is a multiple of
     * {@code align}, as the canonical ABI requires of the return pointer a core function returns
     * (CanonicalABI.md, {@code lift_flat_values}). Check it before loading the results through the pointer.
     *
     * @throws TrapException when the area is misaligned or out of bounds; the instance is poisoned
     */
    void checkArea(int ptr, int size, int align);

    /** Loads an i32 from guest memory. */
    int loadI32(int addr);

    /** Loads a byte from guest memory, zero-extended. */
    int loadU8(int addr);

    /** Runs the post-return function if the core function was called, and leaves the instance. */
    @Override
    void close();
}
