package io.fssdk.runtime.component;

/**
 * One call of a {@link RawHostFunction}: its core arguments and the memory, allocator and handle tables
 * of the calling component instance. Every access is bounds-checked; a violation throws
 * {@link TrapException}. A frame is valid only during its call.
 */
public interface RawFrame {
    /** The number of core arguments. */
    int argCount();

    /** Core argument {@code index} as an i32. */
    int i32(int index);

    /** Core argument {@code index} as an i64. */
    long i64(int index);

    /** Copies {@code length} bytes of guest memory at {@code ptr} into a new array (one copy). */
    byte[] readBytes(int ptr, int length);

    /** Decodes a string at {@code ptr} in the caller's string encoding ({@code length} in code units). */
    String readString(int ptr, int length);

    /**
     * Allocates room for {@code data} through the caller's {@code cabi_realloc} and copies it there.
     *
     * @return the guest address of the copy
     */
    int writeBytes(byte[] data);

    /**
     * Encodes {@code s} in the caller's string encoding into memory allocated through its
     * {@code cabi_realloc}.
     *
     * @return a pair packed as {@code (ptr & 0xffffffffL) | ((long) length << 32)}, the length in code units
     *     as the canonical ABI passes it
     */
    long writeString(String s);

    /**
     * Allocates {@code size} bytes aligned to {@code align} through the caller's {@code cabi_realloc}, e.g.
     * for the elements of a {@code list<list<u8>>}, which the host then fills with the store methods.
     *
     * @return the guest address
     */
    int allocate(int align, int size);

    /**
     * Checks that {@code size} bytes at {@code ptr} are in the caller's memory and {@code ptr} is a multiple
     * of {@code align}, as the canonical ABI requires of a return area, and traps otherwise. Host functions
     * call it before any side effect, so a guest passing a bad return pointer changes nothing.
     *
     * @throws TrapException when the area is misaligned or out of bounds
     */
    void checkArea(int ptr, int size, int align);

    /** Stores an i32 at a guest address. */
    void storeI32(int addr, int value);

    /** Stores an i64 at a guest address. */
    void storeI64(int addr, long value);

    /** Stores a byte at a guest address. */
    void storeU8(int addr, int value);

    /**
     * The host object behind a handle the guest passed as {@code borrow<T>} (or as {@code own<T>} when the
     * callee only looks at it), checked to be of {@code type}.
     */
    Object rep(int handle, ResourceType type);

    /**
     * Takes ownership of a handle the guest passed as {@code own<T>}: the handle leaves the guest's table.
     *
     * @return the host object behind it
     */
    Object takeOwn(int handle, ResourceType type);

    /**
     * Gives the guest a new owned handle to a host object, as a function returning {@code own<T>} does.
     *
     * @return the new handle
     */
    int newOwn(ResourceType type, Object rep);
}
