package io.fssdk.runtime.compiler;

import static org.objectweb.asm.Opcodes.BIPUSH;
import static org.objectweb.asm.Opcodes.I2L;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.ICONST_M1;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.L2I;
import static org.objectweb.asm.Opcodes.LCONST_0;
import static org.objectweb.asm.Opcodes.SIPUSH;

import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * How wasm values live on the JVM: i32 as {@code int}, i64 and references as {@code long}, f32 as {@code float},
 * f64 as {@code double}. A function with several results returns them boxed in a {@code long[]}, the same
 * encoding Chicory uses for host calls.
 *
 * <p>A reference is Chicory's raw value, whole: a function's index, a host's externref, an exception's number,
 * a GC object's number in the instance ({@code GcRefStore}), or an {@code i31} with its tag in the high word
 * ({@code Value.encodeI31}); -1 is null. An {@code int} would lose the tag, and with it {@code ref.eq} and the
 * casts.
 */
final class JvmTypes {
    static final Type CONTEXT = Type.getType(GuestContext.class);
    static final Type LONG_ARRAY = Type.getType(long[].class);
    /** The JVM type of every reference. */
    static final Type REF = Type.LONG_TYPE;

    private JvmTypes() {
    }

    /**
     * Pushes an {@code int} or {@code long} constant with the shortest instruction that has it inline
     * ({@code iconst_m1}..{@code iconst_5}, {@code bipush}, {@code sipush}, {@code lconst_0}/{@code _1}), and
     * returns whether it did; other constants are left to {@code ldc}. A large module's class has more than
     * 256 pool entries, so {@code ldc} there is the 3-byte {@code ldc_w}: wasm constants and frame indices
     * loaded this way were a tenth of a C function's bytes, which counts against HotSpot's 8,000-byte JIT
     * limit and C2's inlining budget of a method (its own size counts against the budget).
     */
    static boolean pushConstant(MethodVisitor mv, Object value) {
        if (value instanceof Integer boxed) {
            int v = boxed;
            if (v >= -1 && v <= 5) {
                mv.visitInsn(ICONST_0 + v);
            } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
                mv.visitIntInsn(BIPUSH, v);
            } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
                mv.visitIntInsn(SIPUSH, v);
            } else {
                return false;
            }
            return true;
        }
        if (value instanceof Long boxed && (boxed == 0L || boxed == 1L)) {
            mv.visitInsn(LCONST_0 + (int) (long) boxed);
            return true;
        }
        return false;
    }

    /** The JVM type of a wasm value type. */
    static Type of(ValType t) {
        switch (t.opcode()) {
            case 0x7F:
                return Type.INT_TYPE;
            case 0x7E:
                return Type.LONG_TYPE;
            case 0x7D:
                return Type.FLOAT_TYPE;
            case 0x7C:
                return Type.DOUBLE_TYPE;
            case 0x7B:
                throw new UnsupportedOperationException("v128 values");
            default:
                if (t.isReference()) {
                    return REF;
                }
                throw new UnsupportedOperationException("value type " + t);
        }
    }

    /**
     * The JVM values for wasm values {@code vts}: one each, and two {@code long}s for a {@code v128} (low half
     * first), as in Chicory's {@code long[]} of arguments or results (see {@link SimdOps}).
     */
    static List<Type> expand(List<ValType> vts) {
        List<Type> out = new ArrayList<>(vts.size());
        for (ValType v : vts) {
            if (v.equals(ValType.V128)) {
                out.add(Type.LONG_TYPE);
                out.add(Type.LONG_TYPE);
            } else {
                out.add(of(v));
            }
        }
        return out;
    }

    /** How many JVM local slots values {@code vts} take. */
    static int slots(List<ValType> vts) {
        int s = 0;
        for (Type t : expand(vts)) {
            s += t.getSize();
        }
        return s;
    }

    /** The JVM return type for a list of wasm results: several values (a {@code v128} is two) go boxed. */
    static Type returnType(List<ValType> results) {
        List<Type> values = expand(results);
        if (values.isEmpty()) {
            return Type.VOID_TYPE;
        }
        return values.size() == 1 ? values.get(0) : LONG_ARRAY;
    }

    /** The descriptor of a generated function: its wasm params, then the context. */
    static String descriptor(FunctionType ft) {
        List<Type> args = expand(ft.params());
        args.add(CONTEXT);
        return Type.getMethodDescriptor(returnType(ft.returns()), args.toArray(new Type[0]));
    }

    /** Pushes the null reference. */
    static void pushNull(MethodVisitor mv) {
        mv.visitInsn(ICONST_M1);
        mv.visitInsn(I2L);
    }

    /** Converts the value on top of the stack to its raw {@code long} encoding. */
    static void toLong(MethodVisitor mv, Type t) {
        switch (t.getSort()) {
            case Type.INT:
                mv.visitInsn(I2L);
                break;
            case Type.LONG:
                break;
            case Type.FLOAT:
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I", false);
                mv.visitInsn(I2L);
                break;
            case Type.DOUBLE:
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
                break;
            default:
                throw new IllegalArgumentException(t.toString());
        }
    }

    /** Converts a raw {@code long} on top of the stack to a value of type {@code t}. */
    static void fromLong(MethodVisitor mv, Type t) {
        switch (t.getSort()) {
            case Type.INT:
                mv.visitInsn(L2I);
                break;
            case Type.LONG:
                break;
            case Type.FLOAT:
                mv.visitInsn(L2I);
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
                break;
            case Type.DOUBLE:
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
                break;
            default:
                throw new IllegalArgumentException(t.toString());
        }
    }
}
