package io.fssdk.runtime.compiler;

import com.dylibso.chicory.runtime.ConstantEvaluators;
import com.dylibso.chicory.runtime.internal.GcRefStore;
import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.runtime.WasmArray;
import com.dylibso.chicory.runtime.WasmGcRef;
import com.dylibso.chicory.runtime.WasmStruct;
import com.dylibso.chicory.wasm.types.Element;
import com.dylibso.chicory.wasm.types.Value;
import java.util.Arrays;

/**
 * The GC proposal's instructions on objects, called by generated code (see {@link GcOps}). Objects are Chicory's:
 * a {@link WasmStruct} or {@link WasmArray} of raw {@code long} values, registered in the instance, whose number
 * is the reference; an {@code i31} is a tagged value, no object. Sharing Chicory's objects lets a reference pass
 * between compiled code, Chicory's interpreter, globals, tables and the host unchanged, and Chicory's safe point
 * after each export call still sweeps them. Packed fields are narrowed and widened by the generated code, which
 * knows the field's type, so these methods see whole values. Public only for the generated classes.
 */
public final class GuestGc {
    private GuestGc() {
    }

    private static WasmStruct struct(GuestContext ctx, long ref) {
        if (ref == Value.REF_NULL_VALUE) {
            throw new TrapException("null structure reference");
        }
        return (WasmStruct) ctx.gcObjects.get(ctx.instance, (int) ref);
    }

    private static WasmArray array(GuestContext ctx, long ref) {
        if (ref == Value.REF_NULL_VALUE) {
            throw new TrapException("null array reference");
        }
        return (WasmArray) ctx.gcObjects.get(ctx.instance, (int) ref);
    }

    /** Traps unless {@code [offset, offset + length)} lies within {@code size}; all three unsigned 32-bit. */
    private static void inBounds(int offset, int length, long size, String what) {
        if (Integer.toUnsignedLong(offset) + Integer.toUnsignedLong(length) > size) {
            throw new TrapException("out of bounds " + what + " access");
        }
    }

    /** The instance's {@link GcBudget}, made at its first object. */
    private static GcBudget budget(GuestContext ctx) {
        if (ctx.gcBudget == null) {
            ctx.gcBudget = new GcBudget(ctx.gcCap > 0 ? ctx.gcCap : GcBudget.DEFAULT_CAP);
        }
        return ctx.gcBudget;
    }

    /** Registers array {@code values}, for which {@link GcBudget#reserve} made room. */
    private static long register(GuestContext ctx, int typeIdx, long[] values) {
        WasmArray a = new WasmArray(typeIdx, values);
        int id = ctx.instance.registerGcRef(a);
        budget(ctx).record(ctx.instance, id, values.length);
        return ctx.gcObjects.put(a, id);
    }

    /** {@code struct.new} and {@code struct.new_default}: {@code fields} (the generated code filled them). */
    public static long structNew(GuestContext ctx, int typeIdx, long[] fields) {
        GcBudget budget = budget(ctx);
        budget.reserve(ctx.instance, fields.length);
        WasmStruct s = new WasmStruct(typeIdx, fields);
        int id = ctx.instance.registerGcRef(s);
        budget.record(ctx.instance, id, fields.length);
        return ctx.gcObjects.put(s, id);
    }

    /** {@code struct.get}: the field's raw value. */
    public static long structGet(GuestContext ctx, int field, long ref) {
        return struct(ctx, ref).field(field);
    }

    /** {@code struct.set}, with a packed value already narrowed. */
    public static void structSet(GuestContext ctx, int field, long ref, long value) {
        struct(ctx, ref).setField(field, value);
    }

    /** {@code array.new_fixed}: {@code elements} (the generated code filled them). */
    public static long arrayOf(GuestContext ctx, int typeIdx, long[] elements) {
        budget(ctx).reserve(ctx.instance, elements.length);
        return register(ctx, typeIdx, elements);
    }

    /** {@code array.new} and {@code array.new_default}: {@code length} copies of {@code value}. */
    public static long arrayNew(GuestContext ctx, int typeIdx, long value, int length) {
        long[] elements = newElements(ctx, length);
        if (value != 0) {
            Arrays.fill(elements, value);
        }
        return register(ctx, typeIdx, elements);
    }

    /**
     * A {@code long[]} of {@code length}, or a trap: for a length no JVM array can have, for one over the
     * instance's {@link GcBudget}, and for one the heap has no room for, so that a guest asking for gigabytes fails
     * its call and leaves the host running.
     */
    private static long[] newElements(GuestContext ctx, int length) {
        if (length < 0 || length > Integer.MAX_VALUE - 8) {
            throw new TrapException("out of bounds array access: length " + Integer.toUnsignedString(length));
        }
        budget(ctx).reserve(ctx.instance, length);
        try {
            return new long[length];
        } catch (OutOfMemoryError e) {
            throw new TrapException("out of memory: an array of " + length + " elements");
        }
    }

    /** {@code array.new_data}: {@code length} elements of {@code size} bytes from data segment {@code data}. */
    public static long arrayNewData(GuestContext ctx, int typeIdx, int data, int size, int offset, int length) {
        byte[] bytes = ctx.instance.dataSegmentData(data);
        if (Integer.toUnsignedLong(offset) + Integer.toUnsignedLong(length) * size > bytes.length) {
            throw new TrapException("out of bounds memory access");
        }
        long[] elements = newElements(ctx, length);
        for (int i = 0; i < length; i++) {
            elements[i] = littleEndian(bytes, offset + i * size, size);
        }
        return register(ctx, typeIdx, elements);
    }

    /** {@code array.new_elem}: {@code length} references from element segment {@code elem}. */
    public static long arrayNewElem(GuestContext ctx, int typeIdx, int elem, int offset, int length) {
        Element segment = ctx.instance.element(elem);
        inBounds(offset, length, segment == null ? 0 : segment.elementCount(), "table");
        long[] elements = newElements(ctx, length);
        for (int i = 0; i < length; i++) {
            elements[i] = ConstantEvaluators.computeConstantValue(ctx.instance,
                    segment.initializers().get(offset + i))[0];
        }
        return register(ctx, typeIdx, elements);
    }

    /** {@code array.get}: the element's raw value. */
    public static long arrayGet(GuestContext ctx, long ref, int index) {
        WasmArray a = array(ctx, ref);
        inBounds(index, 1, a.length(), "array");
        return a.get(index);
    }

    /** {@code array.set}, with a packed value already narrowed. */
    public static void arraySet(GuestContext ctx, long ref, int index, long value) {
        WasmArray a = array(ctx, ref);
        inBounds(index, 1, a.length(), "array");
        a.set(index, value);
    }

    /** {@code array.len}. */
    public static int arrayLen(GuestContext ctx, long ref) {
        return array(ctx, ref).length();
    }

    /** {@code array.fill}, with a packed value already narrowed. */
    public static void arrayFill(GuestContext ctx, long ref, int offset, long value, int length) {
        WasmArray a = array(ctx, ref);
        inBounds(offset, length, a.length(), "array");
        Arrays.fill(a.elements(), offset, offset + length, value);
    }

    /** {@code array.copy}: overlapping ranges of one array copy as if through a temporary, as arraycopy does. */
    public static void arrayCopy(GuestContext ctx, long dst, int dstOffset, long src, int srcOffset, int length) {
        WasmArray to = array(ctx, dst);
        WasmArray from = array(ctx, src);
        inBounds(dstOffset, length, to.length(), "array");
        inBounds(srcOffset, length, from.length(), "array");
        System.arraycopy(from.elements(), srcOffset, to.elements(), dstOffset, length);
    }

    /** {@code array.init_data}: elements of {@code size} bytes from data segment {@code data}. */
    public static void arrayInitData(GuestContext ctx, int data, int size, long ref, int dst, int src, int length) {
        WasmArray a = array(ctx, ref);
        byte[] bytes = ctx.instance.dataSegmentData(data);
        inBounds(dst, length, a.length(), "array");
        if (Integer.toUnsignedLong(src) + Integer.toUnsignedLong(length) * size > bytes.length) {
            throw new TrapException("out of bounds memory access");
        }
        for (int i = 0; i < length; i++) {
            a.set(dst + i, littleEndian(bytes, src + i * size, size));
        }
    }

    /** {@code array.init_elem}: references from element segment {@code elem} (a dropped one has none). */
    public static void arrayInitElem(GuestContext ctx, int elem, long ref, int dst, int src, int length) {
        WasmArray a = array(ctx, ref);
        Element segment = ctx.instance.element(elem);
        inBounds(dst, length, a.length(), "array");
        inBounds(src, length, segment == null ? 0 : segment.elementCount(), "table");
        for (int i = 0; i < length; i++) {
            a.set(dst + i, ConstantEvaluators.computeConstantValue(ctx.instance,
                    segment.initializers().get(src + i))[0]);
        }
    }

    /** {@code ref.test}: whether {@code ref} has heap type {@code heapType} (null passes if nullable). */
    public static int refTest(GuestContext ctx, int nullable, int heapType, int top, long ref) {
        return matches(ctx, nullable, heapType, top, ref) ? 1 : 0;
    }

    /** {@code ref.cast}: {@code ref}, or the trap if it does not have heap type {@code heapType}. */
    public static long refCast(GuestContext ctx, int nullable, int heapType, int top, long ref) {
        if (!matches(ctx, nullable, heapType, top, ref)) {
            throw new TrapException("cast failure");
        }
        return ref;
    }

    /**
     * Chicory's {@code heapTypeMatch}, first asking whether {@code ref} is a recently used object of exactly type
     * {@code heapType}: a cast to an object's own type is the common one (a language's downcast to the class it
     * made), and it then costs no lookup in Chicory's table.
     */
    private static boolean matches(GuestContext ctx, int nullable, int heapType, int top, long ref) {
        if (heapType >= 0 && GcRefStore.isGcRefId(ref)) {
            WasmGcRef o = ctx.gcObjects.cached((int) ref);
            if (o != null && o.typeIdx() == heapType) {
                return true;
            }
        }
        return ctx.instance.heapTypeMatch(ref, nullable != 0, heapType, top);
    }

    /** {@code i31.get_s}. */
    public static int i31GetS(long ref) {
        if (ref == Value.REF_NULL_VALUE) {
            throw new TrapException("null i31 reference");
        }
        return Value.decodeI31S(ref);
    }

    /** {@code i31.get_u}. */
    public static int i31GetU(long ref) {
        if (ref == Value.REF_NULL_VALUE) {
            throw new TrapException("null i31 reference");
        }
        return Value.decodeI31U(ref);
    }

    private static long littleEndian(byte[] bytes, int at, int size) {
        long v = 0;
        for (int i = size - 1; i >= 0; i--) {
            v = (v << 8) | (bytes[at + i] & 0xFF);
        }
        return v;
    }
}
