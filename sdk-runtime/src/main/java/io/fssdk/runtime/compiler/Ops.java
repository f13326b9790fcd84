package io.fssdk.runtime.compiler;

import static org.objectweb.asm.Opcodes.BALOAD;
import static org.objectweb.asm.Opcodes.BASTORE;
import static org.objectweb.asm.Opcodes.D2F;
import static org.objectweb.asm.Opcodes.DADD;
import static org.objectweb.asm.Opcodes.DCONST_0;
import static org.objectweb.asm.Opcodes.DDIV;
import static org.objectweb.asm.Opcodes.DMUL;
import static org.objectweb.asm.Opcodes.DNEG;
import static org.objectweb.asm.Opcodes.DSUB;
import static org.objectweb.asm.Opcodes.F2D;
import static org.objectweb.asm.Opcodes.FADD;
import static org.objectweb.asm.Opcodes.FCONST_0;
import static org.objectweb.asm.Opcodes.FDIV;
import static org.objectweb.asm.Opcodes.FMUL;
import static org.objectweb.asm.Opcodes.FNEG;
import static org.objectweb.asm.Opcodes.FSUB;
import static org.objectweb.asm.Opcodes.GETSTATIC;
import static org.objectweb.asm.Opcodes.I2B;
import static org.objectweb.asm.Opcodes.I2D;
import static org.objectweb.asm.Opcodes.I2F;
import static org.objectweb.asm.Opcodes.I2L;
import static org.objectweb.asm.Opcodes.I2S;
import static org.objectweb.asm.Opcodes.IADD;
import static org.objectweb.asm.Opcodes.IAND;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.IMUL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.IOR;
import static org.objectweb.asm.Opcodes.ISHL;
import static org.objectweb.asm.Opcodes.ISHR;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.ISUB;
import static org.objectweb.asm.Opcodes.IUSHR;
import static org.objectweb.asm.Opcodes.IXOR;
import static org.objectweb.asm.Opcodes.L2D;
import static org.objectweb.asm.Opcodes.L2F;
import static org.objectweb.asm.Opcodes.L2I;
import static org.objectweb.asm.Opcodes.LADD;
import static org.objectweb.asm.Opcodes.LAND;
import static org.objectweb.asm.Opcodes.LCONST_0;
import static org.objectweb.asm.Opcodes.LMUL;
import static org.objectweb.asm.Opcodes.LOR;
import static org.objectweb.asm.Opcodes.LSHL;
import static org.objectweb.asm.Opcodes.LSHR;
import static org.objectweb.asm.Opcodes.LSUB;
import static org.objectweb.asm.Opcodes.LUSHR;
import static org.objectweb.asm.Opcodes.LXOR;
import static org.objectweb.asm.Opcodes.POP;
import static org.objectweb.asm.Opcodes.SWAP;

import com.dylibso.chicory.runtime.OpcodeImpl;
import com.dylibso.chicory.wasm.types.AnnotatedInstruction;
import com.dylibso.chicory.wasm.types.OpCode;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.EnumMap;
import java.util.Map;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * The straight-line instructions: numeric operations, constants, memory and table access. Simple arithmetic
 * maps to one JVM instruction; operations with wasm-specific edge cases (division traps, float-to-int traps,
 * min/max, nearest, unsigned conversions) call Chicory's {@link OpcodeImpl}, the same code its interpreter
 * runs, so both engines agree bit for bit; C2 inlines those small static methods while a method's inlining
 * budget lasts. A comparison that only decides the branch after it never reaches this class: the branch
 * compares its operands itself ({@link BranchFusion}).
 */
final class Ops {
    private static final String SUPPORT = Type.getInternalName(GuestSupport.class);
    private static final String CTX_DESC = Type.getDescriptor(GuestContext.class);
    private static final String VH = "java/lang/invoke/VarHandle";
    private static final Type I = Type.INT_TYPE;
    private static final Type J = Type.LONG_TYPE;
    private static final Type F = Type.FLOAT_TYPE;
    private static final Type D = Type.DOUBLE_TYPE;

    /** A native JVM translation: the opcode, its operand types and result type. */
    private record Native(int insn, Type[] in, Type out) {
    }

    private static final Map<OpCode, Native> NATIVE = new EnumMap<>(OpCode.class);
    private static final Map<OpCode, Method> HELPERS = new EnumMap<>(OpCode.class);

    static {
        bin(OpCode.I32_ADD, IADD, I);
        bin(OpCode.I32_SUB, ISUB, I);
        bin(OpCode.I32_MUL, IMUL, I);
        bin(OpCode.I32_AND, IAND, I);
        bin(OpCode.I32_OR, IOR, I);
        bin(OpCode.I32_XOR, IXOR, I);
        bin(OpCode.I32_SHL, ISHL, I);
        bin(OpCode.I32_SHR_S, ISHR, I);
        bin(OpCode.I32_SHR_U, IUSHR, I);
        bin(OpCode.I64_ADD, LADD, J);
        bin(OpCode.I64_SUB, LSUB, J);
        bin(OpCode.I64_MUL, LMUL, J);
        bin(OpCode.I64_AND, LAND, J);
        bin(OpCode.I64_OR, LOR, J);
        bin(OpCode.I64_XOR, LXOR, J);
        bin(OpCode.F32_ADD, FADD, F);
        bin(OpCode.F32_SUB, FSUB, F);
        bin(OpCode.F32_MUL, FMUL, F);
        bin(OpCode.F32_DIV, FDIV, F);
        bin(OpCode.F64_ADD, DADD, D);
        bin(OpCode.F64_SUB, DSUB, D);
        bin(OpCode.F64_MUL, DMUL, D);
        bin(OpCode.F64_DIV, DDIV, D);
        un(OpCode.F32_NEG, FNEG, F, F);
        un(OpCode.F64_NEG, DNEG, D, D);
        un(OpCode.I32_WRAP_I64, L2I, J, I);
        un(OpCode.I64_EXTEND_I32_S, I2L, I, J);
        un(OpCode.F32_CONVERT_I32_S, I2F, I, F);
        un(OpCode.F32_CONVERT_I64_S, L2F, J, F);
        un(OpCode.F64_CONVERT_I32_S, I2D, I, D);
        un(OpCode.F64_CONVERT_I64_S, L2D, J, D);
        un(OpCode.F32_DEMOTE_F64, D2F, D, F);
        un(OpCode.F64_PROMOTE_F32, F2D, F, D);
        un(OpCode.I32_EXTEND_8_S, I2B, I, I);
        un(OpCode.I32_EXTEND_16_S, I2S, I, I);
        for (Map.Entry<OpCode, Method> e : namedAfterOpcodes(OpcodeImpl.class).entrySet()) {
            OpCode op = e.getKey();
            Method m = e.getValue();
            boolean primitive = m.getReturnType().isPrimitive() && m.getReturnType() != void.class;
            for (Class<?> p : m.getParameterTypes()) {
                primitive &= p.isPrimitive();
            }
            if (primitive && !NATIVE.containsKey(op)) {
                HELPERS.put(op, m);
            }
        }
    }

    private Ops() {
    }

    /**
     * The public static methods of {@code helpers} named after an instruction (Chicory's {@link OpCode} names):
     * how the helper classes declare which instructions they implement.
     */
    static Map<OpCode, Method> namedAfterOpcodes(Class<?> helpers) {
        Map<OpCode, Method> out = new EnumMap<>(OpCode.class);
        for (Method m : helpers.getMethods()) {
            if (!Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            try {
                out.put(OpCode.valueOf(m.getName()), m);
            } catch (IllegalArgumentException e) {
                // a building block, not an instruction
            }
        }
        return out;
    }

    private static void bin(OpCode op, int insn, Type t) {
        NATIVE.put(op, new Native(insn, new Type[] {t, t}, t));
    }

    private static void un(OpCode op, int insn, Type in, Type out) {
        NATIVE.put(op, new Native(insn, new Type[] {in}, out));
    }

    static void pushZero(MethodVisitor mv, Type t) {
        switch (t.getSort()) {
            case Type.LONG:
                mv.visitInsn(LCONST_0);
                break;
            case Type.FLOAT:
                mv.visitInsn(FCONST_0);
                break;
            case Type.DOUBLE:
                mv.visitInsn(DCONST_0);
                break;
            default:
                mv.visitInsn(ICONST_0);
                break;
        }
    }

    /** Emits {@code ins} if it is one of the operations this class handles. */
    static boolean emit(FunctionCompiler fc, AnnotatedInstruction ins) {
        MethodVisitor mv = fc.mv();
        OperandStack stack = fc.stack();
        OpCode op = ins.opcode();
        Native n = NATIVE.get(op);
        if (n != null) {
            for (int i = 0; i < n.in.length; i++) {
                stack.pop();
            }
            mv.visitInsn(n.insn);
            stack.push(n.out);
            return true;
        }
        if (special(fc, ins) || memory(fc, ins)) {
            return true;
        }
        Method m = HELPERS.get(op);
        if (m != null) {
            for (int i = 0; i < m.getParameterCount(); i++) {
                stack.pop();
            }
            mv.visitMethodInsn(INVOKESTATIC, Type.getInternalName(OpcodeImpl.class), m.getName(),
                    Type.getMethodDescriptor(m), false);
            stack.push(Type.getType(m.getReturnType()));
            return true;
        }
        return false;
    }

    private static boolean special(FunctionCompiler fc, AnnotatedInstruction ins) {
        MethodVisitor mv = fc.mv();
        OperandStack stack = fc.stack();
        switch (ins.opcode()) {
            case I32_CONST:
                mv.visitLdcInsn((int) ins.operand(0));
                stack.push(I);
                return true;
            case I64_CONST:
                mv.visitLdcInsn(ins.operand(0));
                stack.push(J);
                return true;
            case F32_CONST:
                // Through the bits, so that a NaN constant keeps its exact payload.
                mv.visitLdcInsn((int) ins.operand(0));
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
                stack.push(F);
                return true;
            case F64_CONST:
                mv.visitLdcInsn(ins.operand(0));
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
                stack.push(D);
                return true;
            case I64_SHL:
            case I64_SHR_S:
            case I64_SHR_U:
                // The JVM shifts a long by an int count; both use only the low 6 bits, as wasm does.
                mv.visitInsn(L2I);
                mv.visitInsn(ins.opcode() == OpCode.I64_SHL ? LSHL : ins.opcode() == OpCode.I64_SHR_S ? LSHR : LUSHR);
                stack.pop();
                return true;
            case I64_EXTEND_I32_U:
                mv.visitInsn(I2L);
                mv.visitLdcInsn(0xFFFF_FFFFL);
                mv.visitInsn(LAND);
                stack.pop();
                stack.push(J);
                return true;
            case I32_REINTERPRET_F32:
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I", false);
                stack.pop();
                stack.push(I);
                return true;
            case I64_REINTERPRET_F64:
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
                stack.pop();
                stack.push(J);
                return true;
            case F32_REINTERPRET_I32:
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
                stack.pop();
                stack.push(F);
                return true;
            case F64_REINTERPRET_I64:
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
                stack.pop();
                stack.push(D);
                return true;
            case F32_ABS:
                mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "f32Abs", "(F)F", false);
                return true;
            case F64_ABS:
                mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "f64Abs", "(D)D", false);
                return true;
            case MEMORY_SIZE:
                if (operand(ins, 0) != 0) {
                    support(fc, "memorySizeOf", 0, I, new long[] {ins.operand(0)});
                    return true;
                }
                fc.loadContext();
                mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "memorySize", "(" + CTX_DESC + ")I", false);
                stack.push(I);
                return true;
            case MEMORY_GROW:
                if (operand(ins, 0) != 0) {
                    support(fc, "memoryGrowOf", 1, I, new long[] {ins.operand(0)});
                    fc.reloadMemory();
                    return true;
                }
                fc.loadContext();
                mv.visitInsn(SWAP);
                mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "memoryGrow", "(" + CTX_DESC + "I)I", false);
                fc.reloadMemory();
                return true;
            case MEMORY_FILL:
                if (operand(ins, 0) != 0) {
                    support(fc, "memoryFillOf", 3, null, new long[] {ins.operand(0)});
                } else {
                    support(fc, "memoryFill", 3, null, new long[0]);
                }
                return true;
            case MEMORY_COPY:
                if (operand(ins, 0) != 0 || operand(ins, 1) != 0) {
                    support(fc, "memoryCopyBetween", 3, null, new long[] {ins.operand(0), ins.operand(1)});
                } else {
                    support(fc, "memoryCopy", 3, null, new long[0]);
                }
                return true;
            case MEMORY_INIT:
                if (operand(ins, 1) != 0) {
                    support(fc, "memoryInitOf", 3, null, new long[] {ins.operand(0), ins.operand(1)});
                } else {
                    support(fc, "memoryInit", 3, null, new long[] {ins.operand(0)});
                }
                return true;
            case DATA_DROP:
                support(fc, "dataDrop", 0, null, new long[] {ins.operand(0)});
                return true;
            case TABLE_GET:
                support(fc, "tableGet", 1, JvmTypes.REF, new long[] {ins.operand(0)});
                return true;
            case TABLE_SET:
                support(fc, "tableSet", 2, null, new long[] {ins.operand(0)});
                return true;
            case TABLE_SIZE:
                support(fc, "tableSize", 0, I, new long[] {ins.operand(0)});
                return true;
            case TABLE_GROW:
                support(fc, "tableGrow", 2, I, new long[] {ins.operand(0)});
                return true;
            case TABLE_FILL:
                support(fc, "tableFill", 3, null, new long[] {ins.operand(0)});
                return true;
            case TABLE_COPY:
                support(fc, "tableCopy", 3, null, new long[] {ins.operand(0), ins.operand(1)});
                return true;
            case TABLE_INIT:
                support(fc, "tableInit", 3, null, new long[] {ins.operand(0), ins.operand(1)});
                return true;
            case ELEM_DROP:
                support(fc, "elemDrop", 0, null, new long[] {ins.operand(0)});
                return true;
            default:
                return false;
        }
    }

    /**
     * Calls {@code GuestSupport.name(ctx, immediates..., operands...)}: the context and immediates must go under
     * the {@code operands} values already on the stack (ints, and {@code long} references), so those are parked in
     * temporaries first.
     */
    private static void support(FunctionCompiler fc, String name, int operands, Type result, long[] immediates) {
        call(fc, SUPPORT, name, operands, result, immediates);
    }

    /** Calls {@code owner.name(ctx, immediates..., operands...)} as {@link #support} calls {@link GuestSupport}. */
    static void call(FunctionCompiler fc, String owner, String name, int operands, Type result, long[] immediates) {
        MethodVisitor mv = fc.mv();
        Type[] types = new Type[operands];
        for (int i = operands - 1; i >= 0; i--) {
            types[i] = fc.stack().pop();
            mv.visitVarInsn(types[i].getOpcode(ISTORE), fc.temp(types[i], i));
        }
        fc.loadContext();
        StringBuilder desc = new StringBuilder("(").append(CTX_DESC);
        for (long imm : immediates) {
            mv.visitLdcInsn((int) imm);
            desc.append('I');
        }
        for (int i = 0; i < operands; i++) {
            mv.visitVarInsn(types[i].getOpcode(ILOAD), fc.temp(types[i], i));
            desc.append(types[i].getDescriptor());
        }
        desc.append(')').append(result == null ? "V" : result.getDescriptor());
        mv.visitMethodInsn(INVOKESTATIC, owner, name, desc.toString(), false);
        if (result != null) {
            fc.stack().push(result);
        }
    }

    /** Loads and stores: inline on the flat array through the little-endian views of {@link GuestSupport}. */
    private static boolean memory(FunctionCompiler fc, AnnotatedInstruction ins) {
        OpCode op = ins.opcode();
        switch (op) {
            case I32_LOAD:
                load(fc, ins, "I32", I, I, 0);
                return true;
            case I64_LOAD:
                load(fc, ins, "I64", J, J, 0);
                return true;
            case F32_LOAD:
                load(fc, ins, "F32", F, F, 0);
                return true;
            case F64_LOAD:
                load(fc, ins, "F64", D, D, 0);
                return true;
            case I32_LOAD8_S:
                load(fc, ins, null, I, I, 0);
                return true;
            case I32_LOAD8_U:
                load(fc, ins, null, I, I, 0xFF);
                return true;
            case I32_LOAD16_S:
                load(fc, ins, "I16", Type.SHORT_TYPE, I, 0);
                return true;
            case I32_LOAD16_U:
                load(fc, ins, "I16", Type.SHORT_TYPE, I, 0xFFFF);
                return true;
            case I64_LOAD8_S:
                load(fc, ins, null, I, J, 0);
                return true;
            case I64_LOAD8_U:
                load(fc, ins, null, I, J, 0xFF);
                return true;
            case I64_LOAD16_S:
                load(fc, ins, "I16", Type.SHORT_TYPE, J, 0);
                return true;
            case I64_LOAD16_U:
                load(fc, ins, "I16", Type.SHORT_TYPE, J, 0xFFFF);
                return true;
            case I64_LOAD32_S:
                load(fc, ins, "I32", I, J, 0);
                return true;
            case I64_LOAD32_U:
                load(fc, ins, "I32", I, J, -1);
                return true;
            case I32_STORE:
                store(fc, ins, "I32", I);
                return true;
            case I64_STORE:
                store(fc, ins, "I64", J);
                return true;
            case F32_STORE:
                store(fc, ins, "F32", F);
                return true;
            case F64_STORE:
                store(fc, ins, "F64", D);
                return true;
            case I32_STORE8:
            case I64_STORE8:
                store(fc, ins, null, Type.BYTE_TYPE);
                return true;
            case I32_STORE16:
            case I64_STORE16:
                store(fc, ins, "I16", Type.SHORT_TYPE);
                return true;
            case I64_STORE32:
                store(fc, ins, "I32", I);
                return true;
            default:
                return false;
        }
    }

    /** Operand {@code k} of {@code ins}, or 0 when it has none (a memory index left out means memory 0). */
    private static long operand(AnnotatedInstruction ins, int k) {
        return ins.operandCount() > k ? ins.operand(k) : 0;
    }

    /** The memory a load or store (align, offset, memory) accesses. */
    static int memoryIndex(AnnotatedInstruction ins) {
        return (int) operand(ins, 2);
    }

    /** Turns the address on top of the stack into the effective address. */
    static void effectiveAddress(FunctionCompiler fc, AnnotatedInstruction ins) {
        long offset = ins.operand(1);
        MethodVisitor mv = fc.mv();
        if (offset < 0 || offset > Integer.MAX_VALUE) {
            // Every access with such an offset is out of bounds: memories are under 2 GiB.
            mv.visitInsn(POP);
            mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "outOfBounds",
                    "()Lcom/dylibso/chicory/runtime/WasmRuntimeException;", false);
            mv.visitInsn(org.objectweb.asm.Opcodes.ATHROW);
            mv.visitInsn(ICONST_0);
        } else if (offset != 0) {
            mv.visitLdcInsn((int) offset);
            mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "ea", "(II)I", false);
        }
    }

    /**
     * @param view the {@link GuestSupport} view field, or null for a byte access
     * @param raw the JVM type the view returns
     * @param mask 0 for a sign-extending load, else the mask of an unsigned one (-1: the 32-bit mask on a long)
     */
    static void load(FunctionCompiler fc, AnnotatedInstruction ins, String view, Type raw, Type result,
            int mask) {
        MethodVisitor mv = fc.mv();
        fc.stack().pop();
        effectiveAddress(fc, ins);
        if (view == null) {
            fc.pushMemory(memoryIndex(ins));
            mv.visitInsn(SWAP);
            mv.visitInsn(BALOAD);
        } else {
            mv.visitFieldInsn(GETSTATIC, SUPPORT, view, "Ljava/lang/invoke/VarHandle;");
            mv.visitInsn(SWAP);
            fc.pushMemory(memoryIndex(ins));
            mv.visitInsn(SWAP);
            mv.visitMethodInsn(INVOKEVIRTUAL, VH, "get", "([BI)" + raw.getDescriptor(), false);
        }
        if (result == J && raw != J) {
            if (mask == -1) {
                mv.visitInsn(I2L);
                mv.visitLdcInsn(0xFFFF_FFFFL);
                mv.visitInsn(LAND);
            } else {
                if (mask != 0) {
                    mv.visitLdcInsn(mask);
                    mv.visitInsn(IAND);
                }
                mv.visitInsn(I2L);
            }
        } else if (mask != 0) {
            mv.visitLdcInsn(mask);
            mv.visitInsn(IAND);
        }
        fc.stack().push(result);
    }

    static void store(FunctionCompiler fc, AnnotatedInstruction ins, String view, Type raw) {
        MethodVisitor mv = fc.mv();
        Type value = fc.stack().pop();
        fc.stack().pop();
        if (value == J && raw != J) {
            mv.visitInsn(L2I);
            value = I;
        }
        int tmp = fc.temp(value, 0);
        mv.visitVarInsn(value.getOpcode(ISTORE), tmp);
        effectiveAddress(fc, ins);
        if (view == null) {
            fc.pushMemory(memoryIndex(ins));
            mv.visitInsn(SWAP);
            mv.visitVarInsn(ILOAD, tmp);
            mv.visitInsn(BASTORE);
            return;
        }
        mv.visitFieldInsn(GETSTATIC, SUPPORT, view, "Ljava/lang/invoke/VarHandle;");
        mv.visitInsn(SWAP);
        fc.pushMemory(memoryIndex(ins));
        mv.visitInsn(SWAP);
        mv.visitVarInsn(value.getOpcode(ILOAD), tmp);
        if (raw == Type.SHORT_TYPE) {
            mv.visitInsn(I2S);
        }
        mv.visitMethodInsn(INVOKEVIRTUAL, VH, "set", "([BI" + raw.getDescriptor() + ")V", false);
    }
}
