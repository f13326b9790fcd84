package io.fssdk.runtime.compiler;

import static io.fssdk.runtime.compiler.SimdOps.call;
import static io.fssdk.runtime.compiler.SimdOps.load;
import static io.fssdk.runtime.compiler.SimdOps.popVectors;
import static io.fssdk.runtime.compiler.SimdOps.pushVector;
import static io.fssdk.runtime.compiler.SimdOps.quarter;
import static io.fssdk.runtime.compiler.SimdOps.store;
import static org.objectweb.asm.Opcodes.DUP2;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.LCONST_0;
import static org.objectweb.asm.Opcodes.LLOAD;
import static org.objectweb.asm.Opcodes.POP2;

import com.dylibso.chicory.wasm.types.AnnotatedInstruction;
import com.dylibso.chicory.wasm.types.OpCode;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * The vector instructions whose halves do not simply pair up (see {@link SimdOps}): constants, memory access,
 * shuffles, single lanes, and the widening operations, which build each half of the result from one quarter
 * of an operand.
 */
final class SimdSpecialOps {
    private static final Type I = Type.INT_TYPE;
    private static final Type J = Type.LONG_TYPE;
    private static final Type F = Type.FLOAT_TYPE;
    private static final Type D = Type.DOUBLE_TYPE;

    private SimdSpecialOps() {
    }

    /** Emits {@code ins} if it is one of these; false for an instruction this compiler does not translate. */
    static boolean emit(FunctionCompiler fc, AnnotatedInstruction ins) {
        MethodVisitor mv = fc.mv();
        OperandStack stack = fc.stack();
        OpCode op = ins.opcode();
        String name = op.name();
        switch (op) {
            case V128_CONST -> {
                mv.visitLdcInsn(ins.operand(0));
                mv.visitLdcInsn(ins.operand(1));
                pushVector(stack);
            }
            case V128_LOAD -> SimdOps.load128(fc, ins);
            case V128_STORE -> SimdOps.store128(fc, ins);
            case V128_LOAD8x8_S, V128_LOAD8x8_U, V128_LOAD16x4_S, V128_LOAD16x4_U, V128_LOAD32x2_S,
                    V128_LOAD32x2_U -> {
                Ops.load(fc, ins, "I64", J, J, 0);
                stack.pop();
                widen(fc, extend(name.substring("V128_LOAD".length())), "(I)J");
            }
            case V128_LOAD8_SPLAT -> splatLoad(fc, ins, null, Type.BYTE_TYPE, "I8x16_SPLAT");
            case V128_LOAD16_SPLAT -> splatLoad(fc, ins, "I16", Type.SHORT_TYPE, "I16x8_SPLAT");
            case V128_LOAD32_SPLAT -> splatLoad(fc, ins, "I32", I, "I32x4_SPLAT");
            case V128_LOAD64_SPLAT -> splatLoad(fc, ins, "I64", J, null);
            case V128_LOAD32_ZERO, V128_LOAD64_ZERO -> {
                if (op == OpCode.V128_LOAD32_ZERO) {
                    Ops.load(fc, ins, "I32", I, J, -1);
                } else {
                    Ops.load(fc, ins, "I64", J, J, 0);
                }
                stack.pop();
                mv.visitInsn(LCONST_0);
                pushVector(stack);
            }
            case V128_LOAD8_LANE, V128_LOAD16_LANE, V128_LOAD32_LANE, V128_LOAD64_LANE -> loadLane(fc, ins);
            case V128_STORE8_LANE, V128_STORE16_LANE, V128_STORE32_LANE, V128_STORE64_LANE -> storeLane(fc, ins);
            case I8x16_SHUFFLE -> {
                parkTwoVectors(fc);
                for (int half = 0; half < 2; half++) {
                    for (int n = 0; n < 4; n++) {
                        load(fc, n);
                    }
                    mv.visitLdcInsn(ins.operand(half));
                    call(mv, "shuffleHalf", "(JJJJJ)J");
                }
                popVectors(stack, 2);
                pushVector(stack);
            }
            case I8x16_SWIZZLE -> {
                parkTwoVectors(fc);
                for (int half = 0; half < 2; half++) {
                    load(fc, 0);
                    load(fc, 1);
                    load(fc, 2 + half);
                    call(mv, "I8x16_SWIZZLE", "(JJJ)J");
                }
                popVectors(stack, 2);
                pushVector(stack);
            }
            case I64x2_SPLAT, F64x2_SPLAT -> {
                if (op == OpCode.F64x2_SPLAT) {
                    mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
                }
                mv.visitInsn(DUP2);
                stack.pop();
                pushVector(stack);
            }
            case I8x16_EXTRACT_LANE_S, I8x16_EXTRACT_LANE_U, I16x8_EXTRACT_LANE_S, I16x8_EXTRACT_LANE_U,
                    I32x4_EXTRACT_LANE, F32x4_EXTRACT_LANE, I64x2_EXTRACT_LANE, F64x2_EXTRACT_LANE ->
                extractLane(fc, op, (int) ins.operand(0));
            case I8x16_REPLACE_LANE, I16x8_REPLACE_LANE, I32x4_REPLACE_LANE, F32x4_REPLACE_LANE, I64x2_REPLACE_LANE,
                    F64x2_REPLACE_LANE -> replaceLane(fc, op, (int) ins.operand(0));
            case I16x8_EXTEND_LOW_I8x16_S, I16x8_EXTEND_HIGH_I8x16_S, I16x8_EXTEND_LOW_I8x16_U,
                    I16x8_EXTEND_HIGH_I8x16_U, I32x4_EXTEND_LOW_I16x8_S, I32x4_EXTEND_HIGH_I16x8_S,
                    I32x4_EXTEND_LOW_I16x8_U, I32x4_EXTEND_HIGH_I16x8_U, I64x2_EXTEND_LOW_I32x4_S,
                    I64x2_EXTEND_HIGH_I32x4_S, I64x2_EXTEND_LOW_I32x4_U, I64x2_EXTEND_HIGH_I32x4_U -> {
                pickHalf(fc, name.contains("_HIGH_"));
                popVectors(stack, 1);
                widen(fc, extend(name), "(I)J");
            }
            case F64x2_PROMOTE_LOW_F32x4, F64x2_CONVERT_LOW_I32x4_S, F64x2_CONVERT_LOW_I32x4_U -> {
                pickHalf(fc, false);
                popVectors(stack, 1);
                widen(fc, op == OpCode.F64x2_PROMOTE_LOW_F32x4 ? "promoteLow"
                        : op == OpCode.F64x2_CONVERT_LOW_I32x4_S ? "convertS32" : "convertU32", "(I)J");
            }
            case I16x8_EXTMUL_LOW_I8x16_S, I16x8_EXTMUL_HIGH_I8x16_S, I16x8_EXTMUL_LOW_I8x16_U,
                    I16x8_EXTMUL_HIGH_I8x16_U, I32x4_EXTMUL_LOW_I16x8_S, I32x4_EXTMUL_HIGH_I16x8_S,
                    I32x4_EXTMUL_LOW_I16x8_U, I32x4_EXTMUL_HIGH_I16x8_U, I64x2_EXTMUL_LOW_I32x4_S,
                    I64x2_EXTMUL_HIGH_I32x4_S, I64x2_EXTMUL_LOW_I32x4_U, I64x2_EXTMUL_HIGH_I32x4_U -> {
                parkTwoVectors(fc);
                int a = name.contains("_HIGH_") ? 1 : 0;
                String helper = "extmul" + extend(name).substring("extend".length());
                for (int half = 0; half < 2; half++) {
                    load(fc, a);
                    quarter(mv, half == 1);
                    load(fc, a + 2);
                    quarter(mv, half == 1);
                    call(mv, helper, "(II)J");
                }
                popVectors(stack, 2);
                pushVector(stack);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * The {@link SimdVectorLanes} widening block for an instruction's name: {@code extend8to16S} for
     * {@code I16x8_EXTEND_LOW_I8x16_S} and {@code V128_LOAD8x8_S}, and so on.
     */
    private static String extend(String name) {
        String widths = name.startsWith("I16x8") || name.startsWith("8x8") ? "8to16"
                : name.startsWith("I32x4") || name.startsWith("16x4") ? "16to32" : "32to64";
        return "extend" + widths + (name.endsWith("_S") ? "S" : "U");
    }

    /** The long on the stack (a half, or 8 loaded bytes) widened: each quarter becomes a half of the result. */
    private static void widen(FunctionCompiler fc, String helper, String desc) {
        MethodVisitor mv = fc.mv();
        int whole = store(fc, 0);
        for (int half = 0; half < 2; half++) {
            mv.visitVarInsn(LLOAD, whole);
            quarter(mv, half == 1);
            call(mv, helper, desc);
        }
        pushVector(fc.stack());
    }

    /** Leaves only the low or high half of the vector on top of the stack (the model is left to the caller). */
    private static void pickHalf(FunctionCompiler fc, boolean high) {
        MethodVisitor mv = fc.mv();
        if (high) {
            int hi = store(fc, 1);
            mv.visitInsn(POP2);
            mv.visitVarInsn(LLOAD, hi);
        } else {
            mv.visitInsn(POP2);
        }
    }

    /** Parks two vectors in scratch locals 0–3: the first's halves in 0 and 1, the second's in 2 and 3. */
    private static void parkTwoVectors(FunctionCompiler fc) {
        for (int n = 3; n >= 0; n--) {
            store(fc, n);
        }
    }

    private static void splatLoad(FunctionCompiler fc, AnnotatedInstruction ins, String view, Type raw,
            String splat) {
        MethodVisitor mv = fc.mv();
        Ops.load(fc, ins, view, raw, raw == J ? J : I, 0);
        fc.stack().pop();
        if (splat != null) {
            call(mv, splat, "(I)J");
        }
        mv.visitInsn(DUP2);
        pushVector(fc.stack());
    }

    /** The lane's width in bits, from the shape at the start of the instruction's name. */
    private static int laneBits(String name) {
        if (name.startsWith("I8x16") || name.contains("8_LANE")) {
            return 8;
        }
        if (name.startsWith("I16x8") || name.contains("16_LANE")) {
            return 16;
        }
        return name.startsWith("I64x2") || name.startsWith("F64x2") || name.contains("64_LANE") ? 64 : 32;
    }

    private static void extractLane(FunctionCompiler fc, OpCode op, int lane) {
        MethodVisitor mv = fc.mv();
        String name = op.name();
        int bits = laneBits(name);
        int perHalf = 64 / bits;
        pickHalf(fc, lane >= perHalf);
        popVectors(fc.stack(), 1);
        Type result = I;
        if (bits == 64) {
            if (op == OpCode.F64x2_EXTRACT_LANE) {
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
                result = D;
            } else {
                result = J;
            }
        } else {
            mv.visitLdcInsn(lane % perHalf);
            if (op == OpCode.F32x4_EXTRACT_LANE) {
                call(mv, "floatLane", "(JI)F");
                result = F;
            } else if (bits == 32) {
                call(mv, "intLane", "(JI)I");
            } else {
                call(mv, (bits == 8 ? "byteLane" : "shortLane") + (name.endsWith("_S") ? "S" : "U"), "(JI)I");
            }
        }
        fc.stack().push(result);
    }

    private static void replaceLane(FunctionCompiler fc, OpCode op, int lane) {
        MethodVisitor mv = fc.mv();
        OperandStack stack = fc.stack();
        Type value = stack.pop();
        int bits = laneBits(op.name());
        int perHalf = 64 / bits;
        boolean high = lane >= perHalf;
        if (op == OpCode.F64x2_REPLACE_LANE) {
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
            value = J;
        }
        int v = fc.temp(value, SimdOps.VALUE_TEMP);
        mv.visitVarInsn(value.getOpcode(org.objectweb.asm.Opcodes.ISTORE), v);
        if (bits == 64) {
            // The lane is a whole half: drop it and put the value in its place.
            if (high) {
                mv.visitInsn(POP2);
                mv.visitVarInsn(LLOAD, v);
            } else {
                int hi = store(fc, 1);
                mv.visitInsn(POP2);
                mv.visitVarInsn(LLOAD, v);
                mv.visitVarInsn(LLOAD, hi);
            }
            return;
        }
        String helper = op == OpCode.F32x4_REPLACE_LANE ? "withFloatLane"
                : bits == 8 ? "withByteLane" : bits == 16 ? "withShortLane" : "withIntLane";
        String desc = "(JI" + value.getDescriptor() + ")J";
        int hi = high ? -1 : store(fc, 1);
        mv.visitLdcInsn(lane % perHalf);
        mv.visitVarInsn(value.getOpcode(org.objectweb.asm.Opcodes.ILOAD), v);
        call(mv, helper, desc);
        if (!high) {
            mv.visitVarInsn(LLOAD, hi);
        }
    }

    /** {@code v128.loadN_lane}: a scalar from memory into one lane of the vector. */
    private static void loadLane(FunctionCompiler fc, AnnotatedInstruction ins) {
        MethodVisitor mv = fc.mv();
        OperandStack stack = fc.stack();
        OpCode op = ins.opcode();
        int bits = laneBits(op.name());
        int lane = (int) ins.operand(3);
        int hi = store(fc, 1);
        int lo = store(fc, 0);
        popVectors(stack, 1);
        switch (bits) {
            case 8 -> Ops.load(fc, ins, null, Type.BYTE_TYPE, I, 0);
            case 16 -> Ops.load(fc, ins, "I16", Type.SHORT_TYPE, I, 0);
            case 32 -> Ops.load(fc, ins, "I32", I, I, 0);
            default -> Ops.load(fc, ins, "I64", J, J, 0);
        }
        Type value = stack.pop();
        int v = fc.temp(value, SimdOps.VALUE_TEMP);
        mv.visitVarInsn(value.getOpcode(org.objectweb.asm.Opcodes.ISTORE), v);
        int perHalf = 64 / bits;
        boolean high = lane >= perHalf;
        mv.visitVarInsn(LLOAD, lo);
        if (bits == 64) {
            if (high) {
                mv.visitVarInsn(LLOAD, v);
            } else {
                mv.visitInsn(POP2);
                mv.visitVarInsn(LLOAD, v);
                mv.visitVarInsn(LLOAD, hi);
            }
        } else {
            String helper = bits == 8 ? "withByteLane" : bits == 16 ? "withShortLane" : "withIntLane";
            if (high) {
                mv.visitVarInsn(LLOAD, hi);
            }
            mv.visitLdcInsn(lane % perHalf);
            mv.visitVarInsn(org.objectweb.asm.Opcodes.ILOAD, v);
            call(mv, helper, "(JII)J");
            if (!high) {
                mv.visitVarInsn(LLOAD, hi);
            }
        }
        pushVector(stack);
    }

    /** {@code v128.storeN_lane}: one lane of the vector to memory. */
    private static void storeLane(FunctionCompiler fc, AnnotatedInstruction ins) {
        MethodVisitor mv = fc.mv();
        OperandStack stack = fc.stack();
        OpCode op = ins.opcode();
        int bits = laneBits(op.name());
        int lane = (int) ins.operand(3);
        int perHalf = 64 / bits;
        pickHalf(fc, lane >= perHalf);
        popVectors(stack, 1);
        switch (bits) {
            case 8 -> {
                mv.visitLdcInsn(lane % perHalf);
                call(mv, "byteLaneU", "(JI)I");
                stack.push(I);
                Ops.store(fc, ins, null, Type.BYTE_TYPE);
            }
            case 16 -> {
                mv.visitLdcInsn(lane % perHalf);
                call(mv, "shortLaneU", "(JI)I");
                stack.push(I);
                Ops.store(fc, ins, "I16", Type.SHORT_TYPE);
            }
            case 32 -> {
                mv.visitLdcInsn(lane % perHalf);
                call(mv, "intLane", "(JI)I");
                stack.push(I);
                Ops.store(fc, ins, "I32", I);
            }
            default -> {
                stack.push(J);
                Ops.store(fc, ins, "I64", J);
            }
        }
    }
}
