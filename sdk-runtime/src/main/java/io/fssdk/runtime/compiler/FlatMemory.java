package io.fssdk.runtime.compiler;

import com.dylibso.chicory.runtime.ConstantEvaluators;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.UninstantiableException;
import com.dylibso.chicory.wasm.types.ActiveDataSegment;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.PassiveDataSegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A linear memory held in one flat {@code byte[]} whose length is exactly the memory's size, so the JVM's own
 * array bounds check is the wasm bounds check.
 *
 * <p>Compiled guest code reads and writes {@link #bytes()} inline through little-endian
 * {@link MethodHandles#byteArrayViewVarHandle} views; growing replaces the array by a larger copy (up to the
 * maximum), which is why compiled code refetches the array at its first access after a call or
 * {@code memory.grow}. The same object serves Chicory's interpreter and host code through the {@link Memory}
 * interface. A {@code shared} memory (threads) is one too: the engine runs no wasm threads, so one instance's
 * code is all that ever touches it, and atomic accesses need no more than their alignment check
 * ({@link GuestAtomics}).
 */
public final class FlatMemory implements Memory {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle FLOAT = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLE =
            MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

    private final MemoryLimits limits;
    private final int maxPages;
    /**
     * The memory's bytes, replaced (never resized in place) by {@link #grow}. Generated code reads the copy in
     * {@link GuestContext#bytes}, which {@link #attach} keeps current.
     */
    private byte[] bytes;
    /**
     * The contexts of the instances using this memory as their memory 0, whose {@link GuestContext#bytes} each
     * {@link #grow} updates: generated code then refetches the array with one field load, not two (the refetch
     * sits on an interpreter guest's dispatch path, after every handler's call).
     */
    private GuestContext[] contexts = new GuestContext[0];
    private DataSegment[] dataSegments = new DataSegment[0];

    /**
     * Creates a memory of {@code limits.initialPages()} zeroed pages.
     *
     * @param limits the initial and maximum size in pages (the maximum is capped at
     *     {@link Memory#RUNTIME_MAX_PAGES}, the most one Java array holds)
     */
    public FlatMemory(MemoryLimits limits) {
        this.limits = limits;
        this.maxPages = Math.min(limits.maximumPages(), RUNTIME_MAX_PAGES);
        if (limits.initialPages() > maxPages) {
            throw new ChicoryException("initial memory size " + limits.initialPages()
                    + " pages is over the maximum of " + maxPages);
        }
        this.bytes = new byte[Memory.bytes(limits.initialPages())];
    }

    /**
     * The current backing array. It is replaced (never resized in place) by {@link #grow}, so callers must not
     * keep it across anything that may grow the memory.
     */
    public byte[] bytes() {
        return bytes;
    }

    /** Makes {@code ctx.bytes} this memory's array, now and after every {@link #grow}. */
    void attach(GuestContext ctx) {
        GuestContext[] grown = Arrays.copyOf(contexts, contexts.length + 1);
        grown[contexts.length] = ctx;
        contexts = grown;
        ctx.bytes = bytes;
    }

    @Override
    public int pages() {
        return bytes.length >>> 16;
    }

    @Override
    public int grow(int size) {
        int prev = pages();
        long next = (long) prev + size;
        if (size < 0 || next > maxPages) {
            return -1;
        }
        if (size > 0) {
            try {
                bytes = Arrays.copyOf(bytes, Memory.bytes((int) next));
                for (GuestContext c : contexts) {
                    c.bytes = bytes;
                }
            } catch (OutOfMemoryError e) {
                // The JVM heap, not the guest's declared maximum, is the limit here: fail the grow as wasm allows.
                return -1;
            }
        }
        return prev;
    }

    @Override
    public int initialPages() {
        return limits.initialPages();
    }

    @Override
    public int maximumPages() {
        return maxPages;
    }

    @Override
    public boolean shared() {
        return limits.shared();
    }

    @Override
    @SuppressWarnings("removal")
    public Object lock(int address) {
        // One lock for the whole memory: Chicory's interpreter takes it around each atomic access. Nothing
        // contends for it, since the engine runs no wasm threads (see GuestAtomics).
        return this;
    }

    @Override
    @SuppressWarnings("removal")
    public int waitOn(int address, int expected, long timeout) {
        return GuestAtomics.MEM_ATOMIC_WAIT32(bytes, address, expected, timeout, shared());
    }

    @Override
    @SuppressWarnings("removal")
    public int waitOn(int address, long expected, long timeout) {
        return GuestAtomics.MEM_ATOMIC_WAIT64(bytes, address, expected, timeout, shared());
    }

    @Override
    @SuppressWarnings("removal")
    public int notify(int address, int maxThreads) {
        return 0;
    }

    @Override
    public void initialize(Instance instance, DataSegment[] segments) {
        initialize(instance, segments, 0);
    }

    @Override
    public void initialize(Instance instance, DataSegment[] segments, int memoryIndex) {
        if (segments == null) {
            return;
        }
        this.dataSegments = segments;
        for (DataSegment s : segments) {
            if (s instanceof ActiveDataSegment a) {
                if (a.index() != memoryIndex) {
                    continue;
                }
                int offset = (int) ConstantEvaluators.computeConstantValue(instance, a.offsetInstructions())[0];
                byte[] data = a.data();
                if (outOfBounds(offset, data.length)) {
                    throw new UninstantiableException("out of bounds memory access");
                }
                System.arraycopy(data, 0, bytes, offset, data.length);
            } else if (!(s instanceof PassiveDataSegment)) {
                throw new ChicoryException("data segment should be active or passive: " + s);
            }
        }
    }

    @Override
    public void initPassiveSegment(int segmentId, int dest, int offset, int size) {
        write(dest, dataSegments[segmentId].data(), offset, size);
    }

    @Override
    public void drop(int segment) {
        dataSegments[segment] = PassiveDataSegment.EMPTY;
    }

    /** Whether {@code [addr, addr + size)} is outside the memory (negative values count as outside). */
    private boolean outOfBounds(int addr, int size) {
        return addr < 0 || size < 0 || (long) addr + size > bytes.length;
    }

    private WasmRuntimeException oob(int addr, int size) {
        return new WasmRuntimeException("out of bounds memory access: attempted to access address: "
                + Integer.toUnsignedString(addr) + " but limit is: " + bytes.length + " and size: " + size);
    }

    private int check(int addr, int size) {
        if (outOfBounds(addr, size)) {
            throw oob(addr, size);
        }
        return addr;
    }

    @Override
    public void write(int addr, byte[] data, int offset, int size) {
        if (offset < 0 || size < 0 || (long) offset + size > data.length) {
            throw new WasmRuntimeException("out of bounds memory access: source range " + offset + "+" + size
                    + " of a " + data.length + "-byte array");
        }
        System.arraycopy(data, offset, bytes, check(addr, size), size);
    }

    @Override
    public byte read(int addr) {
        return bytes[check(addr, 1)];
    }

    @Override
    public byte[] readBytes(int addr, int len) {
        check(addr, len);
        return Arrays.copyOfRange(bytes, addr, addr + len);
    }

    @Override
    public void writeI32(int addr, int data) {
        INT.set(bytes, check(addr, 4), data);
    }

    @Override
    public int readInt(int addr) {
        return (int) INT.get(bytes, check(addr, 4));
    }

    @Override
    public void writeLong(int addr, long data) {
        LONG.set(bytes, check(addr, 8), data);
    }

    @Override
    public long readLong(int addr) {
        return (long) LONG.get(bytes, check(addr, 8));
    }

    @Override
    public void writeShort(int addr, short data) {
        SHORT.set(bytes, check(addr, 2), data);
    }

    @Override
    public short readShort(int addr) {
        return (short) SHORT.get(bytes, check(addr, 2));
    }

    @Override
    public long readU16(int addr) {
        return readShort(addr) & 0xFFFFL;
    }

    @Override
    public void writeByte(int addr, byte data) {
        bytes[check(addr, 1)] = data;
    }

    @Override
    public void writeF32(int addr, float data) {
        FLOAT.set(bytes, check(addr, 4), data);
    }

    @Override
    public long readF32(int addr) {
        return readInt(addr);
    }

    @Override
    public float readFloat(int addr) {
        return (float) FLOAT.get(bytes, check(addr, 4));
    }

    @Override
    public void writeF64(int addr, double data) {
        DOUBLE.set(bytes, check(addr, 8), data);
    }

    @Override
    public double readDouble(int addr) {
        return (double) DOUBLE.get(bytes, check(addr, 8));
    }

    @Override
    public long readF64(int addr) {
        return readLong(addr);
    }

    @Override
    public void zero() {
        Arrays.fill(bytes, (byte) 0);
    }

    @Override
    public void fill(byte value, int fromIndex, int toIndex) {
        check(fromIndex, toIndex - fromIndex);
        Arrays.fill(bytes, fromIndex, toIndex, value);
    }

    @Override
    public void copy(int dest, int src, int size) {
        check(dest, size);
        check(src, size);
        // System.arraycopy copies as if through a temporary array, so overlapping ranges are safe.
        System.arraycopy(bytes, src, bytes, dest, size);
    }
}
