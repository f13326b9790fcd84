package io.fssdk.runtime.compiler;

import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.LALOAD;
import static org.objectweb.asm.Opcodes.LASTORE;
import static org.objectweb.asm.Opcodes.LLOAD;
import static org.objectweb.asm.Opcodes.LSTORE;

import com.dylibso.chicory.wasm.types.ValType;
import java.util.List;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * A function's wasm locals, parameters first, as JVM values ("cells"): a wasm local is one cell, a {@code v128}
 * two ({@link SimdOps}), low half first. A cell lives in a JVM local of its own, or, in a split function that
 * keeps its locals in the frame, in the frame's element of the same index; these methods emit both ways.
 */
final class LocalCells {
    private static final String SUPPORT = Type.getInternalName(GuestSupport.class);

    private final Type[] types;
    private final int[] slots;
    private final int[] firstCell;
    private final boolean[] vector;
    private final boolean[] reference;
    private final int paramCount;
    private final int paramCells;

    LocalCells(List<ValType> params, List<ValType> locals) {
        paramCount = params.size();
        int n = params.size() + locals.size();
        paramCells = JvmTypes.expand(params).size();
        int cells = paramCells + JvmTypes.expand(locals).size();
        types = new Type[cells];
        slots = new int[cells];
        firstCell = new int[n];
        vector = new boolean[n];
        reference = new boolean[n];
        int cell = 0;
        for (int i = 0; i < n; i++) {
            ValType vt = i < paramCount ? params.get(i) : locals.get(i - paramCount);
            firstCell[i] = cell;
            vector[i] = vt.equals(ValType.V128);
            reference[i] = vt.isReference();
            for (Type t : JvmTypes.expand(List.of(vt))) {
                types[cell++] = t;
            }
        }
    }

    /** How many cells all locals take, parameters included. */
    int cells() {
        return types.length;
    }

    /** How many cells the parameters take: the first ones. */
    int paramCells() {
        return paramCells;
    }

    /** The JVM type of cell {@code c}. */
    Type type(int c) {
        return types[c];
    }

    /** The JVM local holding cell {@code c} when the locals are not kept in the frame. */
    int slot(int c) {
        return slots[c];
    }

    /** Wasm local {@code i}'s first cell. */
    int firstCell(int i) {
        return firstCell[i];
    }

    /** How many cells wasm local {@code i} takes: two for a {@code v128}, else one. */
    int cellCount(int i) {
        return vector[i] ? 2 : 1;
    }

    /** Whether wasm local {@code i} is a {@code v128}. */
    boolean isVector(int i) {
        return vector[i];
    }

    /** Gives the parameters' cells JVM locals from {@code slot} on, in order; returns the next free slot. */
    int placeParams(int slot) {
        return place(0, paramCells, slot);
    }

    /** Gives the other locals' cells JVM locals from {@code slot} on; returns the next free slot. */
    int placeLocals(int slot) {
        return place(paramCells, types.length, slot);
    }

    private int place(int from, int to, int slot) {
        for (int c = from; c < to; c++) {
            slots[c] = slot;
            slot += types[c].getSize();
        }
        return slot;
    }

    /** Starts every non-parameter local in its JVM local: zero, or null for a reference (-1, see {@link JvmTypes#REF}). */
    void zeroLocals(MethodVisitor mv) {
        for (int i = paramCount; i < firstCell.length; i++) {
            for (int c = firstCell[i]; c < firstCell[i] + cellCount(i); c++) {
                if (reference[i]) {
                    JvmTypes.pushNull(mv);
                } else {
                    Ops.pushZero(mv, types[c]);
                }
                mv.visitVarInsn(types[c].getOpcode(ISTORE), slots[c]);
            }
        }
    }

    /**
     * Takes a split function's frame of {@code size} elements from the context's pool into {@code frameSlot};
     * if the locals live there ({@code inFrame}), copies the parameters in and sets the reference locals null
     * (the pool zeroes the others).
     */
    void takeFrame(MethodVisitor mv, int ctxSlot, int frameSlot, int size, boolean inFrame) {
        mv.visitVarInsn(ALOAD, ctxSlot);
        mv.visitLdcInsn(size);
        mv.visitLdcInsn(paramCells);
        mv.visitLdcInsn(types.length);
        mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "takeFrame", "(" + JvmTypes.CONTEXT.getDescriptor() + "III)[J",
                false);
        mv.visitVarInsn(ASTORE, frameSlot);
        if (!inFrame) {
            return;
        }
        for (int c = 0; c < paramCells; c++) {
            mv.visitVarInsn(ALOAD, frameSlot);
            mv.visitLdcInsn(c);
            mv.visitVarInsn(types[c].getOpcode(ILOAD), slots[c]);
            JvmTypes.toLong(mv, types[c]);
            mv.visitInsn(LASTORE);
        }
        for (int i = paramCount; i < firstCell.length; i++) {
            if (reference[i]) {
                mv.visitVarInsn(ALOAD, frameSlot);
                mv.visitLdcInsn(firstCell[i]);
                JvmTypes.pushNull(mv);
                mv.visitInsn(LASTORE);
            }
        }
    }

    /** Pushes cell {@code c}: from its JVM local, or from the frame in {@code frameSlot} if {@code inFrame}. */
    void load(MethodVisitor mv, int c, boolean inFrame, int frameSlot) {
        if (!inFrame) {
            mv.visitVarInsn(types[c].getOpcode(ILOAD), slots[c]);
            return;
        }
        mv.visitVarInsn(ALOAD, frameSlot);
        mv.visitLdcInsn(c);
        mv.visitInsn(LALOAD);
        JvmTypes.fromLong(mv, types[c]);
    }

    /**
     * Stores the value on the stack into cell {@code c}: its JVM local, or the frame if {@code inFrame}, the value
     * parked in {@code longTemp} (a {@code long} scratch local) meanwhile.
     */
    void store(MethodVisitor mv, int c, boolean inFrame, int frameSlot, int longTemp) {
        if (!inFrame) {
            mv.visitVarInsn(types[c].getOpcode(ISTORE), slots[c]);
            return;
        }
        JvmTypes.toLong(mv, types[c]);
        mv.visitVarInsn(LSTORE, longTemp);
        mv.visitVarInsn(ALOAD, frameSlot);
        mv.visitLdcInsn(c);
        mv.visitVarInsn(LLOAD, longTemp);
        mv.visitInsn(LASTORE);
    }
}
