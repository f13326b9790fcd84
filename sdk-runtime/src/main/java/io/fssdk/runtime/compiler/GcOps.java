package io.fssdk.runtime.compiler;

import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.DUP2;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.I2B;
import static org.objectweb.asm.Opcodes.I2L;
import static org.objectweb.asm.Opcodes.I2S;
import static org.objectweb.asm.Opcodes.IAND;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.ICONST_1;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.IFNE;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.L2I;
import static org.objectweb.asm.Opcodes.LASTORE;
import static org.objectweb.asm.Opcodes.LCMP;
import static org.objectweb.asm.Opcodes.LLOAD;
import static org.objectweb.asm.Opcodes.LSTORE;
import static org.objectweb.asm.Opcodes.NEWARRAY;
import static org.objectweb.asm.Opcodes.T_LONG;

import com.dylibso.chicory.wasm.types.AnnotatedInstruction;
import com.dylibso.chicory.wasm.types.CompType;
import com.dylibso.chicory.wasm.types.FieldType;
import com.dylibso.chicory.wasm.types.OpCode;
import com.dylibso.chicory.wasm.types.PackedType;
import com.dylibso.chicory.wasm.types.ValType;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * The GC proposal's instructions ({@code struct.*}, {@code array.*}, {@code i31}, {@code ref.eq}, the casts and
 * {@code br_on_cast}). Object access calls {@link GuestGc} with raw {@code long} values; what depends on a
 * field's type is settled here, at compile time: a packed field is narrowed before it is stored and sign- or
 * zero-extended after it is read, a value is converted to and from its raw encoding, and a new object's default
 * (0, or null for a reference) is a constant. {@code ref.eq} and the extern/any conversions are inline: a
 * reference is its raw value ({@link JvmTypes}).
 */
final class GcOps {
    private static final String GC = Type.getInternalName(GuestGc.class);
    private static final String VALUE = "com/dylibso/chicory/wasm/types/Value";
    private static final Type I = Type.INT_TYPE;
    private static final Type REF = JvmTypes.REF;
    /** Scratch locals, past the ones other code parks values in. */
    private static final int TEMP = 80;

    private GcOps() {
    }

    /** Emits {@code ins} if it is one of the GC proposal's instructions; false otherwise. */
    static boolean emit(FunctionCompiler fc, AnnotatedInstruction ins) {
        OpCode op = ins.opcode();
        switch (op) {
            case ANY_CONVERT_EXTERN:
            case EXTERN_CONVERT_ANY:
                return true; // one encoding for both hierarchies
            case REF_EQ:
                refEq(fc);
                return true;
            case REF_I31:
                fc.stack().pop();
                fc.mv().visitMethodInsn(INVOKESTATIC, VALUE, "encodeI31", "(I)J", false);
                fc.stack().push(REF);
                return true;
            case I31_GET_S:
            case I31_GET_U:
                fc.stack().pop();
                fc.mv().visitMethodInsn(INVOKESTATIC, GC, op == OpCode.I31_GET_S ? "i31GetS" : "i31GetU", "(J)I",
                        false);
                fc.stack().push(I);
                return true;
            case STRUCT_NEW:
            case STRUCT_NEW_DEFAULT:
                structNew(fc, (int) ins.operand(0), op == OpCode.STRUCT_NEW_DEFAULT);
                return true;
            case STRUCT_GET:
            case STRUCT_GET_S:
            case STRUCT_GET_U: {
                FieldType f = field(fc, ins);
                Ops.call(fc, GC, "structGet", 1, REF, new long[] {ins.operand(1)});
                fromRaw(fc, f, op == OpCode.STRUCT_GET_S);
                return true;
            }
            case STRUCT_SET:
                toRaw(fc, field(fc, ins));
                Ops.call(fc, GC, "structSet", 2, null, new long[] {ins.operand(1)});
                return true;
            case ARRAY_NEW:
                toRawUnder(fc, element(fc, ins), I);
                Ops.call(fc, GC, "arrayNew", 2, REF, new long[] {ins.operand(0)});
                return true;
            case ARRAY_NEW_DEFAULT:
                arrayNewDefault(fc, ins);
                return true;
            case ARRAY_NEW_FIXED:
                arrayOf(fc, ins);
                return true;
            case ARRAY_NEW_DATA:
                Ops.call(fc, GC, "arrayNewData", 2, REF,
                        new long[] {ins.operand(0), ins.operand(1), byteSize(element(fc, ins))});
                return true;
            case ARRAY_NEW_ELEM:
                Ops.call(fc, GC, "arrayNewElem", 2, REF, new long[] {ins.operand(0), ins.operand(1)});
                return true;
            case ARRAY_GET:
            case ARRAY_GET_S:
            case ARRAY_GET_U: {
                FieldType f = element(fc, ins);
                Ops.call(fc, GC, "arrayGet", 2, REF, new long[0]);
                fromRaw(fc, f, op == OpCode.ARRAY_GET_S);
                return true;
            }
            case ARRAY_SET:
                toRaw(fc, element(fc, ins));
                Ops.call(fc, GC, "arraySet", 3, null, new long[0]);
                return true;
            case ARRAY_LEN:
                Ops.call(fc, GC, "arrayLen", 1, I, new long[0]);
                return true;
            case ARRAY_FILL:
                toRawUnder(fc, element(fc, ins), I);
                Ops.call(fc, GC, "arrayFill", 4, null, new long[0]);
                return true;
            case ARRAY_COPY:
                Ops.call(fc, GC, "arrayCopy", 5, null, new long[0]);
                return true;
            case ARRAY_INIT_DATA:
                Ops.call(fc, GC, "arrayInitData", 4, null, new long[] {ins.operand(1), byteSize(element(fc, ins))});
                return true;
            case ARRAY_INIT_ELEM:
                Ops.call(fc, GC, "arrayInitElem", 4, null, new long[] {ins.operand(1)});
                return true;
            case REF_TEST:
            case REF_TEST_NULL:
                test(fc, "refTest", op == OpCode.REF_TEST_NULL, (int) ins.operand(0), I);
                return true;
            case CAST_TEST:
            case CAST_TEST_NULL:
                test(fc, "refCast", op == OpCode.CAST_TEST_NULL, (int) ins.operand(0), REF);
                return true;
            case BR_ON_CAST:
            case BR_ON_CAST_FAIL:
                branchOnCast(fc, ins, op == OpCode.BR_ON_CAST);
                return true;
            default:
                return false;
        }
    }

    private static void refEq(FunctionCompiler fc) {
        MethodVisitor mv = fc.mv();
        fc.stack().pop();
        fc.stack().pop();
        Label differ = new Label();
        Label end = new Label();
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFNE, differ);
        mv.visitInsn(ICONST_1);
        mv.visitJumpInsn(GOTO, end);
        mv.visitLabel(differ);
        mv.visitInsn(ICONST_0);
        mv.visitLabel(end);
        fc.stack().push(I);
    }

    /** {@code ref.test} or {@code ref.cast}: {@code GuestGc.name(ctx, nullable, heapType, top, ref)}. */
    private static void test(FunctionCompiler fc, String name, boolean nullable, int heapType, Type result) {
        Ops.call(fc, GC, name, 1, result, new long[] {nullable ? 1 : 0, heapType, top(fc, heapType)});
    }

    /**
     * {@code br_on_cast} (branches when the reference has the target type) and {@code br_on_cast_fail} (when it
     * has not); the reference stays on the stack either way. Operands: flags (bit 1: the target is nullable), the
     * label, the source and target heap types.
     */
    private static void branchOnCast(FunctionCompiler fc, AnnotatedInstruction ins, boolean onMatch) {
        MethodVisitor mv = fc.mv();
        int heapType = (int) ins.operand(3);
        mv.visitInsn(DUP2);
        int ref = fc.temp(REF, TEMP);
        mv.visitVarInsn(LSTORE, ref);
        fc.loadContext();
        mv.visitLdcInsn((ins.operand(0) & 2) != 0 ? 1 : 0);
        mv.visitLdcInsn(heapType);
        mv.visitLdcInsn(top(fc, heapType));
        mv.visitVarInsn(LLOAD, ref);
        mv.visitMethodInsn(INVOKESTATIC, GC, "refTest", "(" + JvmTypes.CONTEXT.getDescriptor() + "IIIJ)I", false);
        Label stay = new Label();
        mv.visitJumpInsn(onMatch ? IFEQ : IFNE, stay);
        fc.branchTo((int) ins.operand(1));
        mv.visitLabel(stay);
    }

    /**
     * The top of {@code heapType}'s hierarchy, which tells Chicory's matcher what a reference's number means (a
     * function, or a GC object or i31). Chicory's validator also stores it in the instruction, but a module parsed
     * without validation has none there, so it is worked out here.
     */
    private static int top(FunctionCompiler fc, int heapType) {
        if (heapType >= 0) {
            CompType t = fc.layout().module.typeSection().getSubType(heapType).compType();
            return t.funcType() != null ? ValType.TypeIdxCode.FUNC.code() : ValType.TypeIdxCode.ANY.code();
        }
        if (heapType == ValType.TypeIdxCode.FUNC.code() || heapType == ValType.TypeIdxCode.NOFUNC.code()) {
            return ValType.TypeIdxCode.FUNC.code();
        }
        if (heapType == ValType.TypeIdxCode.EXTERN.code() || heapType == ValType.TypeIdxCode.NOEXTERN.code()) {
            return ValType.TypeIdxCode.EXTERN.code();
        }
        return ValType.TypeIdxCode.ANY.code();
    }

    /** {@code struct.new}: the fields from the stack; {@code struct.new_default}: zeros and nulls. */
    private static void structNew(FunctionCompiler fc, int typeIdx, boolean defaults) {
        FieldType[] fields = fc.layout().module.typeSection().getSubType(typeIdx).compType().structType()
                .fieldTypes();
        int array = newArray(fc, fields.length);
        // The last field is on top: store from the end.
        for (int i = fields.length - 1; i >= 0; i--) {
            if (defaults) {
                if (!isReference(fields[i])) {
                    continue; // the new array's zero
                }
                JvmTypes.pushNull(fc.mv());
            } else {
                toRaw(fc, fields[i]);
                fc.stack().pop();
            }
            storeTop(fc, array, i);
        }
        register(fc, "structNew", typeIdx, array);
    }

    /** {@code array.new_fixed t n}: the {@code n} elements on the stack, the last on top. */
    private static void arrayOf(FunctionCompiler fc, AnnotatedInstruction ins) {
        FieldType f = element(fc, ins);
        int n = (int) ins.operand(1);
        int array = newArray(fc, n);
        for (int i = n - 1; i >= 0; i--) {
            toRaw(fc, f);
            fc.stack().pop();
            storeTop(fc, array, i);
        }
        register(fc, "arrayOf", (int) ins.operand(0), array);
    }

    /** A new {@code long[n]} in a scratch local; its slot. */
    private static int newArray(FunctionCompiler fc, int n) {
        MethodVisitor mv = fc.mv();
        int array = fc.temp(JvmTypes.LONG_ARRAY, TEMP);
        mv.visitLdcInsn(n);
        mv.visitIntInsn(NEWARRAY, T_LONG);
        mv.visitVarInsn(ASTORE, array);
        return array;
    }

    /**
     * Stores the raw {@code long} on top of the stack at {@code index} of the array in local {@code array}, through
     * one scratch local, so that an object of many fields needs no local per field.
     */
    private static void storeTop(FunctionCompiler fc, int array, int index) {
        MethodVisitor mv = fc.mv();
        int value = fc.temp(Type.LONG_TYPE, TEMP + 1);
        mv.visitVarInsn(LSTORE, value);
        mv.visitVarInsn(ALOAD, array);
        mv.visitLdcInsn(index);
        mv.visitVarInsn(LLOAD, value);
        mv.visitInsn(LASTORE);
    }

    /** Calls {@code GuestGc.name(ctx, typeIdx, values)} with the array in local {@code array}: a new reference. */
    private static void register(FunctionCompiler fc, String name, int typeIdx, int array) {
        MethodVisitor mv = fc.mv();
        fc.loadContext();
        mv.visitLdcInsn(typeIdx);
        mv.visitVarInsn(ALOAD, array);
        mv.visitMethodInsn(INVOKESTATIC, GC, name,
                "(" + JvmTypes.CONTEXT.getDescriptor() + "I" + JvmTypes.LONG_ARRAY.getDescriptor() + ")J", false);
        fc.stack().push(REF);
    }

    /** {@code array.new_default t}: the length on the stack; the element's default goes under it. */
    private static void arrayNewDefault(FunctionCompiler fc, AnnotatedInstruction ins) {
        MethodVisitor mv = fc.mv();
        int length = fc.temp(I, TEMP);
        mv.visitVarInsn(org.objectweb.asm.Opcodes.ISTORE, length);
        if (isReference(element(fc, ins))) {
            JvmTypes.pushNull(mv);
        } else {
            mv.visitInsn(org.objectweb.asm.Opcodes.LCONST_0);
        }
        mv.visitVarInsn(org.objectweb.asm.Opcodes.ILOAD, length);
        fc.stack().pop();
        fc.stack().push(REF);
        fc.stack().push(I);
        Ops.call(fc, GC, "arrayNew", 2, REF, new long[] {ins.operand(0)});
    }

    private static FieldType field(FunctionCompiler fc, AnnotatedInstruction ins) {
        return fc.layout().module.typeSection().getSubType((int) ins.operand(0)).compType().structType()
                .fieldTypes()[(int) ins.operand(1)];
    }

    private static FieldType element(FunctionCompiler fc, AnnotatedInstruction ins) {
        return fc.layout().module.typeSection().getSubType((int) ins.operand(0)).compType().arrayType().fieldType();
    }

    private static boolean isReference(FieldType f) {
        ValType v = f.storageType().valType();
        return v != null && v.isReference();
    }

    /** A field's size in a data segment, for {@code array.new_data} and {@code array.init_data}. */
    private static int byteSize(FieldType f) {
        checkNotVector(f);
        return f.storageType().byteSize();
    }

    private static void checkNotVector(FieldType f) {
        if (ValType.V128.equals(f.storageType().valType())) {
            // Chicory's objects hold one long a field, which cannot keep a vector.
            throw new UnsupportedOperationException("v128 fields in GC objects");
        }
    }

    /** Replaces the value on top of the stack, of field type {@code f}, by its raw {@code long} (narrowed if packed). */
    private static void toRaw(FunctionCompiler fc, FieldType f) {
        checkNotVector(f);
        MethodVisitor mv = fc.mv();
        PackedType packed = f.storageType().packedType();
        Type t = fc.stack().pop();
        if (packed != null) {
            mv.visitLdcInsn((int) packed.mask());
            mv.visitInsn(IAND);
            mv.visitInsn(I2L);
        } else {
            JvmTypes.toLong(mv, t);
        }
        fc.stack().push(Type.LONG_TYPE);
    }

    /** {@link #toRaw} for the value just under an {@code under} value on top of the stack. */
    private static void toRawUnder(FunctionCompiler fc, FieldType f, Type under) {
        MethodVisitor mv = fc.mv();
        int top = fc.temp(under, TEMP + 2);
        mv.visitVarInsn(under.getOpcode(org.objectweb.asm.Opcodes.ISTORE), top);
        fc.stack().pop();
        toRaw(fc, f);
        mv.visitVarInsn(under.getOpcode(org.objectweb.asm.Opcodes.ILOAD), top);
        fc.stack().push(under);
    }

    /** Replaces a raw {@code long} read from a field of type {@code f} by the value (extended if packed). */
    private static void fromRaw(FunctionCompiler fc, FieldType f, boolean signed) {
        checkNotVector(f);
        MethodVisitor mv = fc.mv();
        fc.stack().pop();
        PackedType packed = f.storageType().packedType();
        if (packed != null) {
            mv.visitInsn(L2I);
            if (signed) {
                mv.visitInsn(packed == PackedType.I8 ? I2B : I2S);
            } else {
                mv.visitLdcInsn((int) packed.mask());
                mv.visitInsn(IAND);
            }
            fc.stack().push(I);
            return;
        }
        Type t = JvmTypes.of(f.storageType().valType());
        JvmTypes.fromLong(mv, t);
        fc.stack().push(t);
    }
}
