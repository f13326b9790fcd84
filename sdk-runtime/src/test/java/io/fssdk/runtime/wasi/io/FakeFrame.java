package io.fssdk.runtime.wasi.io;

import io.fssdk.runtime.component.RawFrame;
import io.fssdk.runtime.component.ResourceType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link RawFrame} over a plain byte array, with one handle table for all
 * resource types, to check what the raw stream functions write into guest memory.
 */
final class FakeFrame implements RawFrame {
    final ByteBuffer memory = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
    final List<Object> handles = new ArrayList<>(List.of("handle 0 is never used"));
    private final long[] args;
    private int next = 1024;

    FakeFrame(long... args) {
        this.args = args;
    }

    int handle(Object rep) {
        handles.add(rep);
        return handles.size() - 1;
    }

    @Override
    public int argCount() {
        return args.length;
    }

    @Override
    public int i32(int index) {
        return (int) args[index];
    }

    @Override
    public long i64(int index) {
        return args[index];
    }

    @Override
    public byte[] readBytes(int ptr, int length) {
        return Arrays.copyOfRange(memory.array(), ptr, ptr + length);
    }

    @Override
    public String readString(int ptr, int length) {
        return new String(readBytes(ptr, length), StandardCharsets.UTF_8);
    }

    @Override
    public int writeBytes(byte[] data) {
        int ptr = next;
        memory.put(ptr, data);
        next += data.length;
        return ptr;
    }

    @Override
    public long writeString(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return (writeBytes(b) & 0xffffffffL) | ((long) b.length << 32);
    }

    @Override
    public int allocate(int align, int size) {
        next = (next + align - 1) / align * align;
        int ptr = next;
        next += size;
        return ptr;
    }

    @Override
    public void checkArea(int ptr, int size, int align) {
        if (ptr % align != 0 || ptr < 0 || ptr + size > memory.capacity()) {
            throw new IllegalStateException("bad area " + ptr);
        }
    }

    @Override
    public void storeI32(int addr, int value) {
        memory.putInt(addr, value);
    }

    @Override
    public void storeI64(int addr, long value) {
        memory.putLong(addr, value);
    }

    @Override
    public void storeU8(int addr, int value) {
        memory.put(addr, (byte) value);
    }

    @Override
    public Object rep(int handle, ResourceType type) {
        return handles.get(handle);
    }

    @Override
    public Object takeOwn(int handle, ResourceType type) {
        return handles.get(handle);
    }

    @Override
    public int newOwn(ResourceType type, Object rep) {
        return handle(rep);
    }
}
