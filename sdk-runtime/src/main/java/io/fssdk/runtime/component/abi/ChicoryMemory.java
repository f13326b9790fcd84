package io.fssdk.runtime.component.abi;

import com.dylibso.chicory.runtime.Memory;
import java.util.Objects;

/**
 * A {@link GuestMemory} over a Chicory {@link Memory}. Bounds are checked here, against the memory's
 * current page count, so an out-of-range access is a {@code TrapException} rather than Chicory's
 * {@code WasmRuntimeException}. Addresses below 2 GiB only: Chicory 1.7.5 caps memories at 32767 pages.
 */
public final class ChicoryMemory implements GuestMemory {
    private final Memory memory;

    /** Wraps a core instance's memory. */
    public ChicoryMemory(Memory memory) {
        this.memory = Objects.requireNonNull(memory, "memory");
    }

    @Override
    public long byteSize() {
        return (long) memory.pages() * Memory.PAGE_SIZE;
    }

    @Override
    public byte read8(int addr) {
        checkRange(addr, 1);
        return memory.read(addr);
    }

    @Override
    public short read16(int addr) {
        checkRange(addr, 2);
        return memory.readShort(addr);
    }

    @Override
    public int read32(int addr) {
        checkRange(addr, 4);
        return memory.readInt(addr);
    }

    @Override
    public long read64(int addr) {
        checkRange(addr, 8);
        return memory.readLong(addr);
    }

    @Override
    public void write8(int addr, byte value) {
        checkRange(addr, 1);
        memory.writeByte(addr, value);
    }

    @Override
    public void write16(int addr, short value) {
        checkRange(addr, 2);
        memory.writeShort(addr, value);
    }

    @Override
    public void write32(int addr, int value) {
        checkRange(addr, 4);
        memory.writeI32(addr, value);
    }

    @Override
    public void write64(int addr, long value) {
        checkRange(addr, 8);
        memory.writeLong(addr, value);
    }

    @Override
    public byte[] readBytes(int addr, int length) {
        checkRange(addr, Integer.toUnsignedLong(length));
        return memory.readBytes(addr, length);
    }

    @Override
    public void writeBytes(int addr, byte[] src, int offset, int length) {
        checkRange(addr, Integer.toUnsignedLong(length));
        memory.write(addr, src, offset, length);
    }
}
