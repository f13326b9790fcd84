package io.fssdk.runtime.component.abi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A {@link GuestMemory} over a fixed {@code byte[]}, for tests and tools that exercise the canonical ABI
 * without a running guest.
 */
public final class ArrayMemory implements GuestMemory {
    private final byte[] bytes;
    private final ByteBuffer buffer;

    /** A zeroed memory of {@code size} bytes. */
    public ArrayMemory(int size) {
        this.bytes = new byte[size];
        this.buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public long byteSize() {
        return bytes.length;
    }

    @Override
    public byte read8(int addr) {
        checkRange(addr, 1);
        return bytes[addr];
    }

    @Override
    public short read16(int addr) {
        checkRange(addr, 2);
        return buffer.getShort(addr);
    }

    @Override
    public int read32(int addr) {
        checkRange(addr, 4);
        return buffer.getInt(addr);
    }

    @Override
    public long read64(int addr) {
        checkRange(addr, 8);
        return buffer.getLong(addr);
    }

    @Override
    public void write8(int addr, byte value) {
        checkRange(addr, 1);
        bytes[addr] = value;
    }

    @Override
    public void write16(int addr, short value) {
        checkRange(addr, 2);
        buffer.putShort(addr, value);
    }

    @Override
    public void write32(int addr, int value) {
        checkRange(addr, 4);
        buffer.putInt(addr, value);
    }

    @Override
    public void write64(int addr, long value) {
        checkRange(addr, 8);
        buffer.putLong(addr, value);
    }

    @Override
    public byte[] readBytes(int addr, int length) {
        checkRange(addr, Integer.toUnsignedLong(length));
        byte[] out = new byte[length];
        System.arraycopy(bytes, addr, out, 0, length);
        return out;
    }

    @Override
    public void writeBytes(int addr, byte[] src, int offset, int length) {
        checkRange(addr, Integer.toUnsignedLong(length));
        System.arraycopy(src, offset, bytes, addr, length);
    }
}
