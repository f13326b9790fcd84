package io.fssdk.runtime.compiler;

import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.GETFIELD;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Memory 0's array in a JVM local of one generated method, so that an access loads a local, not a field. The
 * copy goes stale wherever the memory may have grown (after a call, a region call, {@code memory.grow}) and at
 * every label (a merge may come from anywhere), and the next access refetches it. Lazily, because an
 * interpreter's dispatch calls a region per case and touches memory only in some: an eager refetch after each
 * call was 10 of the 22 bytes a case cost its method, and the method's size is what limits how many cases share
 * one.
 */
final class MemoryLocal {
    private static final String CTX = JvmTypes.CONTEXT.getInternalName();

    private int slot = -1;
    private boolean stale;

    /** Takes JVM local {@code slot} for the copy and fills it. */
    void start(MethodVisitor mv, int ctxSlot, int slot) {
        this.slot = slot;
        refetch(mv, ctxSlot);
        mv.visitVarInsn(ASTORE, slot);
        stale = false;
    }

    /** The copy may be older than the memory's array from here on. */
    void markStale() {
        stale = true;
    }

    /** Places {@code label} where no branch goes (only to read an offset, or for a line number): no merge. */
    void labelWithoutMerge(MethodVisitor mv, Label label) {
        boolean was = stale;
        mv.visitLabel(label);
        stale = was;
    }

    /** Pushes the array: the copy, or, where it may be stale, the array refetched and kept for what follows. */
    void push(MethodVisitor mv, int ctxSlot) {
        if (slot < 0) {
            throw new UnsupportedOperationException("memory instruction in a module without memory");
        }
        if (stale) {
            refetch(mv, ctxSlot);
            mv.visitInsn(DUP);
            mv.visitVarInsn(ASTORE, slot);
            stale = false;
        } else {
            mv.visitVarInsn(ALOAD, slot);
        }
    }

    /** Pushes the memory's current array: one field load, not a call (see {@link GuestContext#bytes}). */
    private static void refetch(MethodVisitor mv, int ctxSlot) {
        mv.visitVarInsn(ALOAD, ctxSlot);
        mv.visitFieldInsn(GETFIELD, CTX, "bytes", "[B");
    }
}
