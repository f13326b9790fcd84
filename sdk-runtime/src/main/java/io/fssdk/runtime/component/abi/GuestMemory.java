package io.fssdk.runtime.component.abi;

import io.fssdk.runtime.component.TrapException;

/**
 * A guest's linear memory as the canonical ABI sees it: little-endian, addressed by an {@code int} read as
 * an unsigned 32-bit offset. Every access is bounds-checked and an out-of-range access traps with
 * {@link TrapException} ("out of bounds ..."), never with an engine-specific exception.
 *
 * @see <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#canonical-abi-options">
 *     CanonicalABI.md: canonical ABI options ({@code MemInst})</a>
 */
public interface GuestMemory {
    /** The current size in bytes (it can grow while the guest runs, e.g. inside {@code realloc}). */
    long byteSize();

    /** Reads one byte. */
    byte read8(int addr);

    /** Reads a little-endian 16-bit value. */
    short read16(int addr);

    /** Reads a little-endian 32-bit value. */
    int read32(int addr);

    /** Reads a little-endian 64-bit value. */
    long read64(int addr);

    /** Writes one byte. */
    void write8(int addr, byte value);

    /** Writes a little-endian 16-bit value. */
    void write16(int addr, short value);

    /** Writes a little-endian 32-bit value. */
    void write32(int addr, int value);

    /** Writes a little-endian 64-bit value. */
    void write64(int addr, long value);

    /** Copies {@code length} bytes out of memory into a new array, in one bulk copy. */
    byte[] readBytes(int addr, int length);

    /** Copies {@code length} bytes of {@code src} from {@code offset} into memory, in one bulk copy. */
    void writeBytes(int addr, byte[] src, int offset, int length);

    /** Reads a little-endian {@code f32}. */
    default float readF32(int addr) {
        return Float.intBitsToFloat(read32(addr));
    }

    /** Reads a little-endian {@code f64}. */
    default double readF64(int addr) {
        return Double.longBitsToDouble(read64(addr));
    }

    /** Writes a little-endian {@code f32}, keeping its bits. */
    default void writeF32(int addr, float value) {
        write32(addr, Float.floatToRawIntBits(value));
    }

    /** Writes a little-endian {@code f64}, keeping its bits. */
    default void writeF64(int addr, double value) {
        write64(addr, Double.doubleToRawLongBits(value));
    }

    /** Copies all of {@code src} into memory at {@code addr}. */
    default void writeBytes(int addr, byte[] src) {
        writeBytes(addr, src, 0, src.length);
    }

    /**
     * Traps unless {@code [addr, addr + length)} lies inside memory, with {@code addr} read as unsigned.
     *
     * @param length a byte count, not negative
     */
    default void checkRange(int addr, long length) {
        long end = Integer.toUnsignedLong(addr) + length;
        if (length < 0 || end > byteSize()) {
            throw new TrapException("", "out of bounds memory access: " + Long.toUnsignedString(Integer.toUnsignedLong(addr))
                    + " + " + length + " > " + byteSize());
        }
    }
}
