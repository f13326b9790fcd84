package io.fssdk.runtime.component.abi;

import io.fssdk.runtime.component.TrapException;

/**
 * Typed fast paths for bindings that must not build {@link io.fssdk.runtime.component.WitValue} trees:
 * {@code list<u8>} and {@code string} straight between guest memory and a {@code byte[]} or
 * {@code String} with one bulk copy, and the scalar conversions. They apply the same checks as the
 * general path (length limits, alignment, bounds, realloc results, encodings) and trap the same way, with
 * an empty function name: wrap with {@link CanonicalAbi#named}. Combine them with {@link GuestMemory}
 * writes and {@link VariantAbi#payloadOffset()} to fill return areas, e.g. {@code result<option<list<u8>>,
 * error>}: tag at 0, option tag at 4, (pointer, length) at 8 via {@link #storeBytes}.
 *
 * @see <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#loading">
 *     CanonicalABI.md: loading</a>,
 *     <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#storing">storing</a>
 */
public final class FastAbi {
    private FastAbi() {
    }

    /** Lifts a {@code list<u8>} given as (pointer, length), in one bulk copy. */
    public static byte[] liftBytes(CanonicalOptions o, int ptr, int length) {
        long n = Integer.toUnsignedLong(length);
        if (n > Lifter.MAX_LIST_BYTE_LENGTH) {
            throw trap("list of " + n + " bytes exceeds the limit of " + Lifter.MAX_LIST_BYTE_LENGTH);
        }
        GuestMemory m = o.memory();
        if (Integer.toUnsignedLong(ptr) + n > m.byteSize()) {
            throw trap("out of bounds list: " + Integer.toUnsignedString(ptr) + " + " + n + " > " + m.byteSize());
        }
        return m.readBytes(ptr, length);
    }

    /** Loads a {@code list<u8>} whose (pointer, length) pair is stored at {@code addr}. */
    public static byte[] loadBytes(CanonicalOptions o, int addr) {
        GuestMemory m = o.memory();
        return liftBytes(o, m.read32(addr), m.read32(addr + 4));
    }

    /** Allocates {@code bytes.length} bytes with realloc, copies {@code bytes} in, and returns the pointer. */
    public static int allocBytes(CanonicalOptions o, byte[] bytes) {
        int ptr = o.allocate(1, bytes.length);
        o.memory().writeBytes(ptr, bytes);
        return ptr;
    }

    /** Lowers a {@code list<u8>} into two flat values, (pointer, length). */
    public static void lowerBytes(CanonicalOptions o, byte[] bytes, FlatCursor out) {
        out.putI32(allocBytes(o, bytes));
        out.putI32(bytes.length);
    }

    /** Stores a {@code list<u8>} at {@code addr}: allocates and copies the bytes, then writes (pointer, length). */
    public static void storeBytes(CanonicalOptions o, byte[] bytes, int addr) {
        int ptr = allocBytes(o, bytes);
        o.memory().write32(addr, ptr);
        o.memory().write32(addr + 4, bytes.length);
    }

    /** Lifts a {@code string} given as (pointer, tagged length) in the options' encoding. */
    public static String liftString(CanonicalOptions o, int ptr, int taggedLength) {
        return Strings.lift(o, ptr, taggedLength);
    }

    /** Loads a {@code string} whose (pointer, tagged length) pair is stored at {@code addr}. */
    public static String loadString(CanonicalOptions o, int addr) {
        GuestMemory m = o.memory();
        return Strings.lift(o, m.read32(addr), m.read32(addr + 4));
    }

    /**
     * Allocates and writes a {@code string} in the options' encoding; returns the (pointer, tagged length)
     * packed: read them with {@link #ptrOf} and {@link #lengthOf}.
     *
     * @throws IllegalArgumentException if {@code s} holds a lone surrogate
     */
    public static long allocString(CanonicalOptions o, String s) {
        Strings.requireScalarValues(s);
        return Strings.lower(o, s);
    }

    /** Lowers a {@code string} into two flat values, (pointer, tagged length). */
    public static void lowerString(CanonicalOptions o, String s, FlatCursor out) {
        long packed = allocString(o, s);
        out.putI32(ptrOf(packed));
        out.putI32(lengthOf(packed));
    }

    /** Stores a {@code string} at {@code addr}: allocates and writes it, then writes (pointer, tagged length). */
    public static void storeString(CanonicalOptions o, String s, int addr) {
        long packed = allocString(o, s);
        o.memory().write32(addr, ptrOf(packed));
        o.memory().write32(addr + 4, lengthOf(packed));
    }

    /** The pointer of a packed (pointer, length) pair. */
    public static int ptrOf(long packed) {
        return Strings.ptr(packed);
    }

    /** The (tagged) length of a packed (pointer, length) pair. */
    public static int lengthOf(long packed) {
        return Strings.length(packed);
    }

    /** Lifts a {@code bool} from its flat {@code i32}: any nonzero value is true. */
    public static boolean liftBool(long flat) {
        return (int) flat != 0;
    }

    /** Lifts a {@code u32} or {@code s32} from its flat {@code i32}. */
    public static int liftI32(long flat) {
        return (int) flat;
    }

    /** Lifts a {@code char} from its flat {@code i32}, trapping on surrogates and values beyond U+10FFFF. */
    public static int liftChar(long flat) {
        int c = (int) flat;
        if (Integer.compareUnsigned(c, 0x110000) >= 0 || (c >= 0xD800 && c <= 0xDFFF)) {
            throw trap("invalid char 0x" + Integer.toHexString(c));
        }
        return c;
    }

    /** The flat {@code i32} of an {@code int}, zero-extended as {@link FlatCursor} writes it. */
    public static long lowerI32(int value) {
        return Integer.toUnsignedLong(value);
    }

    /** Traps unless {@code size} bytes at {@code ptr} are in memory and {@code ptr} is {@code align}-aligned. */
    public static void checkArea(CanonicalOptions o, int ptr, int size, int align) {
        if (Integer.remainderUnsigned(ptr, align) != 0) {
            throw trap("misaligned return area: " + Integer.toUnsignedString(ptr) + " is not a multiple of " + align);
        }
        long memory = o.memory().byteSize();
        if (Integer.toUnsignedLong(ptr) + size > memory) {
            throw trap("out of bounds return area: " + Integer.toUnsignedString(ptr) + " + " + size + " > " + memory);
        }
    }

    /** The flat {@code i32} of a {@code bool}. */
    public static long lowerBool(boolean value) {
        return value ? 1 : 0;
    }

    private static TrapException trap(String reason) {
        return new TrapException("", reason);
    }
}
