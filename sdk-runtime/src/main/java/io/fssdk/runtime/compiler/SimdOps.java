package io.fssdk.runtime.compiler;

import static org.objectweb.asm.Opcodes.BIPUSH;
import static org.objectweb.asm.Opcodes.DUP2;
import static org.objectweb.asm.Opcodes.GETSTATIC;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.IOR;
import static org.objectweb.asm.Opcodes.ISHR;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.IADD;
import static org.objectweb.asm.Opcodes.L2I;
import static org.objectweb.asm.Opcodes.LCONST_0;
import static org.objectweb.asm.Opcodes.LLOAD;
import static org.objectweb.asm.Opcodes.LSTORE;
import static org.objectweb.asm.Opcodes.LUSHR;
import static org.objectweb.asm.Opcodes.POP2;
import static org.objectweb.asm.Opcodes.SWAP;

import com.dylibso.chicory.wasm.types.AnnotatedInstruction;
import com.dylibso.chicory.wasm.types.OpCode;
import java.lang.reflect.Method;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * The fixed-width SIMD instructions. A {@code v128} is two {@code long}s on the JVM operand stack and in JVM
 * locals, the low half (bytes 0–7) below the high half: no object per vector, so an auto-vectorized loop
 * allocates nothing, and it is the encoding Chicory uses for a {@code v128} in its value arrays. Most
 * instructions act on each lane alone, so the same lane method runs once on each half; the others
 * ({@code narrow}, {@code extend}, {@code extmul}, the shuffles, lanes, reductions) combine the halves as
 * written here. The lane arithmetic itself is in {@link SimdLanes} (integers), {@link SimdFloatLanes} (floats)
 * and {@link SimdVectorLanes} (what mixes lanes or halves).
 */
final class SimdOps {
    /** The classes whose public static methods implement the lane arithmetic, by instruction or by name. */
    private static final List<Class<?>> LANE_CLASSES = List.of(SimdLanes.class, SimdFloatLanes.class,
            SimdVectorLanes.class);
    /** Each lane method's class, by method name (the names are unique across the three). */
    private static final Map<String, String> OWNER = new HashMap<>();
    private static final String SUPPORT = Type.getInternalName(GuestSupport.class);
    private static final String VH = "java/lang/invoke/VarHandle";
    private static final Type I = Type.INT_TYPE;
    private static final Type J = Type.LONG_TYPE;
    /** Scratch locals of this class, numbered past the ones other code parks values in. */
    private static final int TEMP = 20;
    /** The scratch local of a scalar lane value, apart from the ones {@link #store} numbers from {@link #TEMP}. */
    static final int VALUE_TEMP = TEMP + 10;
    /** The type annotation Chicory's validator gives a {@code drop} or {@code select} of a {@code v128}. */
    static final long V128_ANNOTATION = 0x7B;

    /** How an instruction with a lane method of its name combines the two halves. */
    private enum Shape {
        /** Lane-wise, unary, binary or ternary: the method once on the low halves, once on the high ones. */
        LANEWISE,
        /** Lane-wise with an {@code i32} shift count. */
        SHIFT,
        /** Two vectors narrowed: the low half from the first one whole, the high half from the second. */
        NARROW,
        /** A whole vector to an {@code i32}. */
        REDUCE,
        /** A whole vector to a new low half; the high half is zero. */
        TO_LOW_ZERO,
        /** A scalar repeated in every lane: one half, twice. */
        SPLAT
    }

    private record Lanes(Method method, Shape shape) {
    }

    private static final Map<OpCode, Lanes> BY_NAME = new EnumMap<>(OpCode.class);
    private static final Set<OpCode> VECTOR = EnumSet.noneOf(OpCode.class);

    static {
        for (OpCode op : OpCode.values()) {
            if (op.name().startsWith("V128_") || op.name().matches("^[IF](8x16|16x8|32x4|64x2)_.*")) {
                VECTOR.add(op);
            }
        }
        for (Class<?> c : LANE_CLASSES) {
            for (Method m : c.getMethods()) {
                if (m.getDeclaringClass() == c) {
                    OWNER.put(m.getName(), Type.getInternalName(c));
                }
            }
            Ops.namedAfterOpcodes(c).forEach((op, m) -> {
                if (op != OpCode.I8x16_SWIZZLE) { // its halves mix: see SimdSpecialOps
                    BY_NAME.put(op, new Lanes(m, shapeOf(m)));
                }
            });
        }
    }

    private SimdOps() {
    }

    private static Shape shapeOf(Method m) {
        String name = m.getName();
        Class<?>[] p = m.getParameterTypes();
        if (name.endsWith("_SPLAT")) {
            return Shape.SPLAT;
        }
        if (name.contains("_NARROW_")) {
            return Shape.NARROW;
        }
        if (name.endsWith("_ZERO")) {
            return Shape.TO_LOW_ZERO;
        }
        if (m.getReturnType() == int.class) {
            return Shape.REDUCE;
        }
        if (p.length == 2 && p[1] == int.class) {
            return Shape.SHIFT;
        }
        return Shape.LANEWISE;
    }

    /** Whether {@code op} is one of the vector instructions (the {@code 0xfd} prefix). */
    static boolean isVector(OpCode op) {
        return VECTOR.contains(op);
    }

    /** Emits {@code ins} if it is a vector instruction this compiler translates; false if it is not one. */
    static boolean emit(FunctionCompiler fc, AnnotatedInstruction ins) {
        OpCode op = ins.opcode();
        Lanes lanes = BY_NAME.get(op);
        if (lanes != null) {
            halves(fc, lanes);
            return true;
        }
        return SimdSpecialOps.emit(fc, ins);
    }

    private static void halves(FunctionCompiler fc, Lanes lanes) {
        MethodVisitor mv = fc.mv();
        OperandStack stack = fc.stack();
        Method m = lanes.method;
        String desc = Type.getMethodDescriptor(m);
        int vectors = m.getParameterCount();
        switch (lanes.shape) {
            case LANEWISE -> {
                // [a.lo a.hi b.lo b.hi ...]: all but a.lo parked; op(a.lo, b.lo, ...), then op(a.hi, b.hi, ...).
                int[] lo = new int[vectors];
                int[] hi = new int[vectors];
                for (int v = vectors - 1; v >= 0; v--) {
                    hi[v] = store(fc, 2 * v + 1);
                    if (v > 0) {
                        lo[v] = store(fc, 2 * v);
                    }
                }
                for (int v = 1; v < vectors; v++) {
                    mv.visitVarInsn(LLOAD, lo[v]);
                }
                call(mv, m.getName(), desc);
                for (int v = 0; v < vectors; v++) {
                    mv.visitVarInsn(LLOAD, hi[v]);
                }
                call(mv, m.getName(), desc);
                popVectors(stack, vectors);
                pushVector(stack);
            }
            case SHIFT -> {
                int count = fc.temp(I, TEMP);
                mv.visitVarInsn(ISTORE, count);
                int hi = store(fc, 1);
                mv.visitVarInsn(ILOAD, count);
                call(mv, m.getName(), desc);
                mv.visitVarInsn(LLOAD, hi);
                mv.visitVarInsn(ILOAD, count);
                call(mv, m.getName(), desc);
                stack.pop();
                popVectors(stack, 1);
                pushVector(stack);
            }
            case NARROW -> {
                int bHi = store(fc, 3);
                int bLo = store(fc, 2);
                call(mv, m.getName(), desc);
                mv.visitVarInsn(LLOAD, bLo);
                mv.visitVarInsn(LLOAD, bHi);
                call(mv, m.getName(), desc);
                popVectors(stack, 2);
                pushVector(stack);
            }
            case REDUCE -> {
                call(mv, m.getName(), desc);
                popVectors(stack, 1);
                stack.push(I);
            }
            case TO_LOW_ZERO -> {
                call(mv, m.getName(), desc);
                mv.visitInsn(LCONST_0);
                popVectors(stack, 1);
                pushVector(stack);
            }
            case SPLAT -> {
                call(mv, m.getName(), desc);
                mv.visitInsn(DUP2);
                stack.pop();
                pushVector(stack);
            }
        }
    }

    /** Stores the long on top of the stack in scratch local number {@code n} of this class; returns the slot. */
    static int store(FunctionCompiler fc, int n) {
        int slot = fc.temp(J, TEMP + n);
        fc.mv().visitVarInsn(LSTORE, slot);
        return slot;
    }

    /** Loads scratch local number {@code n}, as {@link #store} left it. */
    static void load(FunctionCompiler fc, int n) {
        fc.mv().visitVarInsn(LLOAD, fc.temp(J, TEMP + n));
    }

    static void call(MethodVisitor mv, String name, String desc) {
        mv.visitMethodInsn(INVOKESTATIC, OWNER.get(name), name, desc, false);
    }

    static void popVectors(OperandStack stack, int n) {
        for (int i = 0; i < 2 * n; i++) {
            stack.pop();
        }
    }

    static void pushVector(OperandStack stack) {
        stack.push(J);
        stack.push(J);
    }

    /** The long on top of the stack: its low 32 bits as an int ({@code high}: its high 32 bits). */
    static void quarter(MethodVisitor mv, boolean high) {
        if (high) {
            mv.visitIntInsn(BIPUSH, 32);
            mv.visitInsn(LUSHR);
        }
        mv.visitInsn(L2I);
    }

    /**
     * Replaces the address on top of the stack by the effective addresses of a 16-byte access: the low half's
     * and, on top, the high half's ({@code ea + 8}, negative whenever {@code ea} is, so that a store to the
     * high half, made first, never lands when the low half would trap).
     */
    static void addresses(FunctionCompiler fc, AnnotatedInstruction ins) {
        MethodVisitor mv = fc.mv();
        Ops.effectiveAddress(fc, ins);
        int ea = fc.temp(I, TEMP);
        mv.visitVarInsn(ISTORE, ea);
        mv.visitVarInsn(ILOAD, ea);
        mv.visitVarInsn(ILOAD, ea);
        mv.visitIntInsn(BIPUSH, 8);
        mv.visitInsn(IADD);
        mv.visitVarInsn(ILOAD, ea);
        mv.visitIntInsn(BIPUSH, 31);
        mv.visitInsn(ISHR);
        mv.visitInsn(IOR);
    }

    /** {@code v128.load}: two 8-byte reads. */
    static void load128(FunctionCompiler fc, AnnotatedInstruction ins) {
        MethodVisitor mv = fc.mv();
        fc.stack().pop();
        addresses(fc, ins);
        int high = fc.temp(I, TEMP + 1);
        mv.visitVarInsn(ISTORE, high);
        readLong(fc, Ops.memoryIndex(ins));
        mv.visitVarInsn(ILOAD, high);
        readLong(fc, Ops.memoryIndex(ins));
        pushVector(fc.stack());
    }

    /** {@code v128.store}: the high half first (see {@link #addresses}). */
    static void store128(FunctionCompiler fc, AnnotatedInstruction ins) {
        MethodVisitor mv = fc.mv();
        int hi = store(fc, 1);
        int lo = store(fc, 0);
        popVectors(fc.stack(), 1);
        fc.stack().pop();
        addresses(fc, ins);
        writeLong(fc, hi, Ops.memoryIndex(ins));
        writeLong(fc, lo, Ops.memoryIndex(ins));
    }

    /** Reads 8 bytes at the index on top of the stack. */
    private static void readLong(FunctionCompiler fc, int memory) {
        MethodVisitor mv = fc.mv();
        mv.visitFieldInsn(GETSTATIC, SUPPORT, "I64", "Ljava/lang/invoke/VarHandle;");
        mv.visitInsn(SWAP);
        fc.pushMemory(memory);
        mv.visitInsn(SWAP);
        mv.visitMethodInsn(INVOKEVIRTUAL, VH, "get", "([BI)J", false);
    }

    /** Writes local {@code slot}'s long at the index on top of the stack. */
    private static void writeLong(FunctionCompiler fc, int slot, int memory) {
        MethodVisitor mv = fc.mv();
        mv.visitFieldInsn(GETSTATIC, SUPPORT, "I64", "Ljava/lang/invoke/VarHandle;");
        mv.visitInsn(SWAP);
        fc.pushMemory(memory);
        mv.visitInsn(SWAP);
        mv.visitVarInsn(LLOAD, slot);
        mv.visitMethodInsn(INVOKEVIRTUAL, VH, "set", "([BIJ)V", false);
    }

    /** Drops the vector on top of the stack. */
    static void drop(MethodVisitor mv) {
        mv.visitInsn(POP2);
        mv.visitInsn(POP2);
    }

    /** Whether validation marked this {@code drop} or {@code select} as one of a {@code v128}. */
    static boolean isVectorAnnotated(AnnotatedInstruction ins) {
        return ins.operandCount() > 0 && ins.operand(0) == V128_ANNOTATION;
    }

    /** {@code select} of two vectors: both parked, the one chosen loaded back. */
    static void select(FunctionCompiler fc) {
        MethodVisitor mv = fc.mv();
        fc.stack().pop();
        int cond = fc.temp(Type.INT_TYPE, 20);
        mv.visitVarInsn(ISTORE, cond);
        for (int n = 3; n >= 0; n--) {
            store(fc, n);
        }
        popVectors(fc.stack(), 2);
        Label second = new Label();
        Label end = new Label();
        mv.visitVarInsn(ILOAD, cond);
        mv.visitJumpInsn(IFEQ, second);
        load(fc, 0);
        load(fc, 1);
        mv.visitJumpInsn(GOTO, end);
        mv.visitLabel(second);
        load(fc, 2);
        load(fc, 3);
        mv.visitLabel(end);
        pushVector(fc.stack());
    }
}
