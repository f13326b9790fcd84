package io.fssdk.runtime.compiler;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.OpcodeImpl;
import com.dylibso.chicory.runtime.TableInstance;
import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The run-time helpers generated code calls: slow paths (interruption, traps, host calls, indirect-call
 * resolution) and small pure functions C2 inlines. Public only for the generated classes (see
 * {@link GuestContext}).
 */
public final class GuestSupport {
    /** Little-endian views of memory, used inline by generated loads and stores. */
    public static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    /** See {@link #I16}. */
    public static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    /** See {@link #I16}. */
    public static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** See {@link #I16}. */
    public static final VarHandle F32 = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    /** See {@link #I16}. */
    public static final VarHandle F64 = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

    private GuestSupport() {
    }

    /**
     * The effective address {@code addr + offset} of an access with a non-zero static offset (0 ≤ offset < 2³¹).
     * wasm adds them as unsigned 33-bit numbers; a memory never exceeds 2 GiB, so an address with the top bit
     * set, or a sum past it, is out of bounds. Either way the result is negative, which the array access's own
     * bounds check rejects as it rejects a sum past the memory's end (its exception is the trap): two ALU
     * operations and no branch of our own, on an access QuickJS makes a dozen times per opcode.
     */
    public static int ea(int addr, int offset) {
        return (addr + offset) | (addr >> 31);
    }

    /** {@code f32.abs}: clears the sign bit only, so a NaN keeps its payload (Math.abs may not). */
    public static float f32Abs(float v) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(v) & 0x7FFF_FFFF);
    }

    /** {@code f64.abs}: see {@link #f32Abs}. */
    public static double f64Abs(double v) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(v) & 0x7FFF_FFFF_FFFF_FFFFL);
    }

    /** The trap for an access outside memory. */
    public static WasmRuntimeException outOfBounds() {
        return new WasmRuntimeException("out of bounds memory access");
    }

    /** {@code unreachable}. */
    public static TrapException unreachable() {
        return new TrapException("Trapped on unreachable instruction");
    }

    /** {@code call_ref} or {@code ref.as_non_null} of a null reference. */
    public static TrapException nullReference() {
        return new TrapException("null function reference");
    }

    /**
     * One step of the poll budget, at function entries and in loops that call ({@link Polls}): counts
     * {@link GuestContext#countdown} down and runs {@link #poll} when it runs out. C2 inlines it with one branch
     * profile for all of its sites, in which the slow path is taken every {@link GuestContext#POLL_INTERVAL}
     * steps: compiled as the call it is, not as a trap that would deoptimize the caller.
     */
    public static void step(GuestContext ctx) {
        if (--ctx.countdown < 0) {
            poll(ctx);
        }
    }

    /**
     * The slow path behind {@link GuestContext#countdown}: runs once every {@link GuestContext#POLL_INTERVAL}
     * function entries and loop iterations. Interruption is {@link Thread#interrupt()} (the engine's per-call
     * watchdog uses it), observed here with the one volatile read per interval.
     */
    public static void poll(GuestContext ctx) {
        ctx.countdown = GuestContext.POLL_INTERVAL;
        if (Thread.currentThread().isInterrupted()) {
            throw new ChicoryInterruptedException("Thread interrupted");
        }
        FuelTank fuel = ctx.fuel;
        if (fuel != null && --fuel.granulesLeft < 0) {
            throw new FuelExhaustedException("fuel exhausted: the call used its budget of " + fuel.budgetSteps()
                    + " steps (maxFuel)");
        }
    }

    /** {@code memory.grow} on memory 0. */
    public static int memoryGrow(GuestContext ctx, int pages) {
        return ctx.instance.memory().grow(pages);
    }

    /** {@code memory.size} on memory 0. */
    public static int memorySize(GuestContext ctx) {
        return ctx.instance.memory().pages();
    }

    /** {@code memory.fill}. */
    public static void memoryFill(GuestContext ctx, int dest, int value, int size) {
        Memory m = ctx.instance.memory();
        long end = Integer.toUnsignedLong(dest) + Integer.toUnsignedLong(size);
        if (end > Memory.bytes(m.pages())) {
            throw outOfBounds();
        }
        m.fill((byte) value, dest, (int) end);
    }

    /** {@code memory.copy} within memory 0. */
    public static void memoryCopy(GuestContext ctx, int dest, int src, int size) {
        Memory m = ctx.instance.memory();
        long limit = Memory.bytes(m.pages());
        if (Integer.toUnsignedLong(dest) + Integer.toUnsignedLong(size) > limit
                || Integer.toUnsignedLong(src) + Integer.toUnsignedLong(size) > limit) {
            throw outOfBounds();
        }
        m.copy(dest, src, size);
    }

    /** {@code memory.init}. */
    public static void memoryInit(GuestContext ctx, int segment, int dest, int offset, int size) {
        byte[] data = ctx.instance.dataSegmentData(segment);
        Memory m = ctx.instance.memory();
        if (Integer.toUnsignedLong(offset) + Integer.toUnsignedLong(size) > data.length
                || Integer.toUnsignedLong(dest) + Integer.toUnsignedLong(size) > Memory.bytes(m.pages())) {
            throw outOfBounds();
        }
        m.initPassiveSegment(segment, dest, offset, size);
    }

    // ---- Memories other than memory 0 (multiple memories): compiled code refetches such a memory's array at
    // every access, through these, rather than keep one local per memory; no toolchain we target emits them.

    /** The array of memory {@code index}, which our memory factory made (a {@link FlatMemory}). */
    public static byte[] memoryBytes(GuestContext ctx, int index) {
        Memory m = ctx.instance.memory(index);
        if (m instanceof FlatMemory flat) {
            return flat.bytes();
        }
        throw new UnsupportedOperationException("memory " + index + " is a " + m.getClass().getName()
                + ", not a memory of this compiler");
    }

    /** {@code memory.size} of memory {@code index}. */
    public static int memorySizeOf(GuestContext ctx, int index) {
        return ctx.instance.memory(index).pages();
    }

    /** {@code memory.grow} of memory {@code index}. */
    public static int memoryGrowOf(GuestContext ctx, int index, int pages) {
        return ctx.instance.memory(index).grow(pages);
    }

    /** {@code memory.fill} of memory {@code index}. */
    public static void memoryFillOf(GuestContext ctx, int index, int dest, int value, int size) {
        byte[] m = memoryBytes(ctx, index);
        if (Integer.toUnsignedLong(dest) + Integer.toUnsignedLong(size) > m.length) {
            throw outOfBounds();
        }
        java.util.Arrays.fill(m, dest, dest + size, (byte) value);
    }

    /** {@code memory.copy} from memory {@code from} to memory {@code to}, either of them other than 0. */
    public static void memoryCopyBetween(GuestContext ctx, int to, int from, int dest, int src, int size) {
        byte[] d = memoryBytes(ctx, to);
        byte[] s = memoryBytes(ctx, from);
        if (Integer.toUnsignedLong(dest) + Integer.toUnsignedLong(size) > d.length
                || Integer.toUnsignedLong(src) + Integer.toUnsignedLong(size) > s.length) {
            throw outOfBounds();
        }
        System.arraycopy(s, src, d, dest, size);
    }

    /** {@code memory.init} of memory {@code index} from passive segment {@code segment}. */
    public static void memoryInitOf(GuestContext ctx, int segment, int index, int dest, int offset, int size) {
        byte[] data = ctx.instance.dataSegmentData(segment);
        byte[] m = memoryBytes(ctx, index);
        if (Integer.toUnsignedLong(offset) + Integer.toUnsignedLong(size) > data.length
                || Integer.toUnsignedLong(dest) + Integer.toUnsignedLong(size) > m.length) {
            throw outOfBounds();
        }
        System.arraycopy(data, offset, m, dest, size);
    }

    /** {@code data.drop}. */
    public static void dataDrop(GuestContext ctx, int segment) {
        ctx.instance.dropDataSegment(segment);
    }

    /**
     * Calls imported function {@code index} with boxed arguments (the host's calling convention). A deadline
     * that fired while the host was busy (a stalled store, say) is honoured as soon as the host returns, not up
     * to a poll interval later: the guest may have little work left and would otherwise finish the call as if
     * no deadline had passed. One volatile read per host call, which costs far more than that anyway.
     */
    public static long[] callImport(GuestContext ctx, int index, long[] args) {
        ImportFunction f = ctx.instance.imports().function(index);
        long[] results = f.handle().apply(ctx.instance, args);
        if (Thread.currentThread().isInterrupted()) {
            throw new ChicoryInterruptedException("Thread interrupted");
        }
        return results;
    }

    /**
     * Calls import {@code index} with up to {@link DirectImport#MAX_PARAMS} arguments (unused ones 0): through
     * the host's {@link DirectImport} when its handle is one, so nothing is boxed, else as {@link #callImport}.
     */
    public static long callImportDirect(GuestContext ctx, int index, long a0, long a1, long a2, long a3, long a4,
            long a5) {
        DirectImport direct = ctx.directImports[index];
        long result;
        if (direct != null) {
            result = direct.callDirect(ctx.instance, a0, a1, a2, a3, a4, a5);
        } else {
            ImportFunction f = ctx.instance.imports().function(index);
            long[] args = DirectImport.arguments(f.paramTypes().size(), a0, a1, a2, a3, a4, a5);
            long[] results = f.handle().apply(ctx.instance, args);
            result = results == null || results.length == 0 ? 0 : results[0];
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new ChicoryInterruptedException("Thread interrupted");
        }
        return result;
    }

    /**
     * A frame of at least {@code size} slots for a split function's call (see {@link GuestContext}'s pool): the
     * free frame on top of the pool when it is large enough, else a new one. Slots {@code [zeroFrom, zeroTo)}
     * (the locals that are not parameters, which wasm starts at zero) are zeroed; the others are written before
     * they are read (parameters by the prologue, values carried out of regions by their exits), so a reused
     * frame does not pay for clearing them on every call of an interpreter's dispatch function.
     */
    public static long[] takeFrame(GuestContext ctx, int size, int zeroFrom, int zeroTo) {
        int n = ctx.freeFrames;
        if (n > 0) {
            long[] f = ctx.framePool[n - 1];
            if (f.length >= size) {
                ctx.freeFrames = n - 1;
                java.util.Arrays.fill(f, zeroFrom, zeroTo, 0L);
                return f;
            }
        }
        return new long[size];
    }

    /**
     * Returns a frame {@link #takeFrame} gave to a call that is returning. Calls nest, so frames come back in the
     * order they were taken, each usually to the pool slot it came from: then nothing is stored, which spares the
     * garbage collector's write barrier.
     */
    public static void giveFrame(GuestContext ctx, long[] frame) {
        int n = ctx.freeFrames;
        long[][] pool = ctx.framePool;
        if (n < pool.length) {
            if (pool[n] != frame) {
                pool[n] = frame;
            }
            ctx.freeFrames = n + 1;
        }
    }

    /**
     * The function index at {@code elem} of table {@code t}, trapping as a {@code call_indirect} does when the
     * element is out of range or empty. Also used where a call_indirect is done on a shim's behalf, so that it
     * fails the same way.
     */
    public static int tableRef(TableInstance t, int elem) {
        if (elem < 0 || elem >= t.size()) {
            throw new TrapException("undefined element");
        }
        int ref = t.ref(elem);
        if (ref < 0) {
            throw new TrapException("uninitialized element " + elem);
        }
        return ref;
    }

    /**
     * Resolves a {@code call_indirect}: the function at {@code elem} in {@code table} must exist and have the
     * expected signature, compared structurally (so modules whose type sections differ still call each other).
     *
     * @return the function's index in this instance, or -1 when the entry belongs to another instance (then
     *     {@link GuestContext#foreignInstance} and {@link GuestContext#foreignFunction} name it)
     */
    public static int indirect(GuestContext ctx, int table, int elem, int sigId, int typeIdx) {
        TableInstance t = table == 0 ? ctx.table0() : ctx.instance.table(table);
        int ref = tableRef(t, elem);
        Instance owner = t.instance(elem);
        if (owner == null || owner == ctx.instance) {
            boolean matches = ref < ctx.sigIds.length
                    && (ctx.nominalTypes ? subtypeOf(ctx, ref, typeIdx) : ctx.sigIds[ref] == sigId);
            if (!matches) {
                throw new ChicoryException("indirect call type mismatch");
            }
            return ref;
        }
        if (!ctx.foreignChecked(owner, ref, typeIdx)) {
            FunctionType actual = owner.type(owner.functionType(ref));
            if (!actual.typesMatch(ctx.instance.type(typeIdx))) {
                throw new ChicoryException("indirect call type mismatch");
            }
            ctx.rememberForeignCheck(owner, ref, typeIdx);
        }
        ctx.foreignInstance = owner;
        ctx.foreignFunction = ref;
        return -1;
    }

    /** Whether function {@code f}'s declared type is type {@code typeIdx} or one of its subtypes, as Chicory decides. */
    private static boolean subtypeOf(GuestContext ctx, int f, int typeIdx) {
        int actual = ctx.instance.functionType(f);
        return actual == typeIdx
                || ValType.heapTypeSubtype(actual, typeIdx, ctx.instance.module().typeSection());
    }

    /** The method handle of function {@code f} of this instance, for a {@code call_indirect} {@link #indirect} resolved. */
    public static MethodHandle direct(GuestContext ctx, int f) {
        return ctx.code.direct(f);
    }

    /** The chars of {@code s} as ints: how a generated class decodes a table it holds as a string constant. */
    public static int[] charCodes(String s) {
        int[] out = new int[s.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.charAt(i);
        }
        return out;
    }

    /** Calls the foreign table entry {@link #indirect} found, through its instance's machine. */
    public static long[] callForeign(GuestContext ctx, long[] args) {
        Instance owner = ctx.foreignInstance;
        int ref = ctx.foreignFunction;
        ctx.foreignInstance = null;
        return owner.getMachine().call(ref, args);
    }

    /** {@code table.get}. */
    public static long tableGet(GuestContext ctx, int table, int index) {
        int ref = OpcodeImpl.TABLE_GET(ctx.instance, table, index);
        return OpcodeImpl.unboxFromTable(ref, ctx.instance, ctx.instance.table(table).elementType());
    }

    /** {@code table.set}. */
    public static void tableSet(GuestContext ctx, int table, int index, long value) {
        TableInstance t = ctx.instance.table(table);
        if (index < 0 || index >= t.size()) {
            throw new TrapException("out of bounds table access");
        }
        // Chicory's tables hold an int a reference; an i31 is boxed into a GC object, as its interpreter does.
        t.setRef(index, OpcodeImpl.boxForTable(value, ctx.instance), ctx.instance);
    }

    /** {@code table.size}. */
    public static int tableSize(GuestContext ctx, int table) {
        return ctx.instance.table(table).size();
    }

    /** {@code table.grow}. */
    public static int tableGrow(GuestContext ctx, int table, long value, int delta) {
        return ctx.instance.table(table).grow(delta, OpcodeImpl.boxForTable(value, ctx.instance), ctx.instance);
    }

    /** {@code table.fill}. */
    public static void tableFill(GuestContext ctx, int table, int offset, long value, int size) {
        OpcodeImpl.TABLE_FILL(ctx.instance, table, size, OpcodeImpl.boxForTable(value, ctx.instance), offset);
    }

    /** {@code table.copy}. */
    public static void tableCopy(GuestContext ctx, int dstTable, int srcTable, int d, int s, int size) {
        OpcodeImpl.TABLE_COPY(ctx.instance, srcTable, dstTable, size, s, d);
    }

    /** {@code table.init}. */
    public static void tableInit(GuestContext ctx, int elem, int table, int offset, int elemIndex, int size) {
        OpcodeImpl.TABLE_INIT(ctx.instance, table, elem, size, elemIndex, offset);
    }

    /** {@code elem.drop}. */
    public static void elemDrop(GuestContext ctx, int elem) {
        ctx.instance.setElement(elem, null);
    }

    /**
     * Runs function {@code index} in Chicory's interpreter: the fallback for a function this compiler does not
     * translate (an instruction it does not support yet). Calls it makes are interpreted too.
     */
    public static long[] interpret(GuestContext ctx, int index, long[] args) {
        long[] results = ctx.interpreter().call(index, args);
        if (results == null) {
            // Chicory's interpreter answers null when its stack is empty at the return, which a body it accepts
            // without its final end can cause even for a function with results (see FunctionCompiler's
            // closeUnendedBody). The bridge that called here reads the array: answer zeros rather than fail it
            // with a NullPointerException.
            return new long[com.dylibso.chicory.wasm.types.ValType.sizeOf(
                    ctx.instance.type(ctx.instance.functionType(index)).returns())];
        }
        return results;
    }
}
