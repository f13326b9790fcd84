package io.fssdk.runtime.compiler;

import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.ICONST_M1;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.IFLT;
import static org.objectweb.asm.Opcodes.IF_ICMPNE;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.IRETURN;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.ISUB;
import static org.objectweb.asm.Opcodes.LALOAD;
import static org.objectweb.asm.Opcodes.LASTORE;
import static org.objectweb.asm.Opcodes.LLOAD;
import static org.objectweb.asm.Opcodes.LSTORE;
import static org.objectweb.asm.Opcodes.POP;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.SWAP;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.TreeSet;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * The calls between the methods a split function is made of ({@link RegionPlanner}): the call of a region or a
 * dispatch group with the locals it needs, and the exit codes by which a region method leaves for code outside
 * it (a branch past its blocks, or a return), with the values such a branch carries waiting in the frame after
 * the locals. One per method being emitted, as {@link FunctionCompiler} is: it holds that method's shared exit
 * stub.
 */
final class RegionExits {
    /** From this many exit codes on, a region call dispatches on its exit with a switch, not compares. */
    static final int SWITCH_EXITS = 4;

    private final FunctionCompiler fc;
    /** This region method's shared exit (see {@link #leaveRegion}), made on first use, and its exit-code local. */
    private Label exitStub;
    private int exitCodeSlot = -1;

    RegionExits(FunctionCompiler fc) {
        this.fc = fc;
    }

    /** Copies the locals a region uses into the frame, calls it, copies back what it wrote, acts on its exit. */
    void call(RegionPlanner.Region r) {
        MethodVisitor mv = fc.mv();
        copyIn(r);
        mv.visitVarInsn(ALOAD, fc.frameSlot());
        fc.loadContext();
        mv.visitMethodInsn(INVOKESTATIC, fc.className(), fc.regionName(r), FunctionCompiler.REGION_DESC, false);
        fc.reloadMemory();
        copyOut(r);
        if (r.exitCodes.isEmpty()) {
            mv.visitInsn(POP);
            return;
        }
        // Exits that land in this method get a case each; those that leave it too (a region calling a region)
        // are passed on in one step, their code shifted by the blocks open here: their values already wait in
        // the frame. Only the first kind costs bytes per exit, which keeps a chain of dispatch regions small.
        TreeSet<Integer> here = new TreeSet<>();
        boolean passOn = false;
        for (int c : r.exitCodes) {
            if (fc.region() != null && (c == -1 || !fc.staysInside(c - 1))) {
                passOn = true;
            } else {
                here.add(c);
            }
        }
        int code = fc.temp(Type.INT_TYPE, 0);
        mv.visitVarInsn(ISTORE, code);
        actOnExits(r, here, code, 0);
        if (passOn) {
            Label fall = new Label();
            mv.visitVarInsn(ILOAD, code);
            mv.visitJumpInsn(IFEQ, fall);
            passExitOn(code);
            mv.visitLabel(fall);
        }
    }

    /**
     * Acts on region {@code r}'s exit codes {@code codes} (the code in local {@code code}): a {@code tableswitch}
     * from {@link #SWITCH_EXITS} codes on, else a chain of compares; other codes fall through. See
     * {@link #actOnExit} for {@code shift}.
     */
    void actOnExits(RegionPlanner.Region r, TreeSet<Integer> codes, int code, int shift) {
        MethodVisitor mv = fc.mv();
        if (codes.size() >= SWITCH_EXITS) {
            switchOnExit(r, codes, code, shift);
            return;
        }
        for (int c : codes) {
            Label next = new Label();
            mv.visitVarInsn(ILOAD, code);
            mv.visitLdcInsn(c);
            mv.visitJumpInsn(IF_ICMPNE, next);
            actOnExit(r, c, shift);
            mv.visitLabel(next);
        }
    }

    /** Before a region call: copies the locals it uses into the frame, unless they live there. */
    void copyIn(RegionPlanner.Region r) {
        if (!fc.localsInFrame()) {
            storeToFrame(r.used);
        }
    }

    /** After a region call: copies back the locals it writes, unless they live in the frame. */
    void copyOut(RegionPlanner.Region r) {
        if (!fc.localsInFrame()) {
            loadFromFrame(r.written);
        }
    }

    /** Loads the locals {@code which} from the frame into their JVM locals. */
    void loadFromFrame(BitSet which) {
        MethodVisitor mv = fc.mv();
        for (int i = which.nextSetBit(0); i >= 0; i = which.nextSetBit(i + 1)) {
            for (int c = fc.firstCell(i); c < fc.firstCell(i) + fc.cellCount(i); c++) {
                mv.visitVarInsn(ALOAD, fc.frameSlot());
                mv.visitLdcInsn(c);
                mv.visitInsn(LALOAD);
                JvmTypes.fromLong(mv, fc.localType(c));
                mv.visitVarInsn(fc.localType(c).getOpcode(ISTORE), fc.localSlot(c));
            }
        }
    }

    /** Stores the locals {@code which} from their JVM locals into the frame. */
    private void storeToFrame(BitSet which) {
        MethodVisitor mv = fc.mv();
        for (int i = which.nextSetBit(0); i >= 0; i = which.nextSetBit(i + 1)) {
            for (int c = fc.firstCell(i); c < fc.firstCell(i) + fc.cellCount(i); c++) {
                mv.visitVarInsn(ALOAD, fc.frameSlot());
                mv.visitLdcInsn(c);
                mv.visitVarInsn(fc.localType(c).getOpcode(ILOAD), fc.localSlot(c));
                JvmTypes.toLong(mv, fc.localType(c));
                mv.visitInsn(LASTORE);
            }
        }
    }

    /**
     * Acts on the exit codes {@code here} with one {@code tableswitch}: a region holding an interpreter's
     * dispatch ({@code br_table} into a nest of blocks) has hundreds of exits, and a chain of compares would
     * cost both bytes and a linear search on every dispatched case. Other codes fall through.
     */
    private void switchOnExit(RegionPlanner.Region r, TreeSet<Integer> here, int code, int shift) {
        MethodVisitor mv = fc.mv();
        int low = here.first();
        int high = here.last();
        Label other = new Label();
        Label[] cases = new Label[high - low + 1];
        Arrays.fill(cases, other);
        for (int c : here) {
            cases[c - low] = new Label();
        }
        mv.visitVarInsn(ILOAD, code);
        mv.visitTableSwitchInsn(low, high, other, cases);
        for (int c : here) {
            mv.visitLabel(cases[c - low]);
            actOnExit(r, c, shift);
        }
        mv.visitLabel(other);
    }

    /**
     * Leaves this region method with the exit code in local {@code code}, seen from this method's start: a
     * return stays -1, a branch goes the blocks open here fewer levels out.
     */
    private void passExitOn(int code) {
        MethodVisitor mv = fc.mv();
        for (int k = 0; k < fc.stack().size(); k++) {
            OperandStack.emitPop(mv, fc.stack().peek(k));
        }
        ensureExitStub();
        int inner = fc.openFrames() - 1;
        mv.visitVarInsn(ILOAD, code);
        if (inner > 0) {
            Label keep = new Label();
            mv.visitInsn(DUP);
            mv.visitJumpInsn(IFLT, keep);
            mv.visitLdcInsn(inner);
            mv.visitInsn(ISUB);
            mv.visitLabel(keep);
        }
        mv.visitVarInsn(ISTORE, exitCodeSlot);
        mv.visitJumpInsn(GOTO, exitStub);
    }

    /**
     * Continues where region {@code r}'s exit {@code c} leads, with the values it carries pushed back. The
     * branch is {@code shift} levels shorter than seen from the region's start (a group's call site stands
     * outside the chain blocks around the group).
     */
    private void actOnExit(RegionPlanner.Region r, int c, int shift) {
        MethodVisitor mv = fc.mv();
        if (c == -1) {
            returnFromRegionExit();
            return;
        }
        List<Type> carried = FunctionCompiler.types(fc.planner().carried(r.start, c));
        for (int j = 0; j < carried.size(); j++) {
            mv.visitVarInsn(ALOAD, fc.frameSlot());
            mv.visitLdcInsn(fc.localCount() + j);
            mv.visitInsn(LALOAD);
            JvmTypes.fromLong(mv, carried.get(j));
            fc.stack().push(carried.get(j));
        }
        fc.branchTo(c - 1 - shift);
        for (int j = 0; j < carried.size(); j++) {
            fc.stack().pop();
        }
    }

    /**
     * Turns the exit code on the stack into what a dispatch group returns ({@link DispatchNest}): the entry its
     * call site goes on at, {@code lo - 1 - code}, when that is one (0 or more: falling off, or a branch to a
     * chain block); a negative number, for branches out of the nest, which then leave it as code
     * {@code lo - 1 - result} seen from the group of the lowest entries; and {@link FunctionCompiler#GROUP_RETURNS}
     * for a return. The call site then needs no code of its own to tell these apart, which keeps the head's method
     * small.
     */
    private void groupResult() {
        MethodVisitor mv = fc.mv();
        Label isReturn = new Label();
        mv.visitInsn(DUP);
        mv.visitJumpInsn(IFLT, isReturn);
        mv.visitLdcInsn(fc.region().lo - 1);
        mv.visitInsn(SWAP);
        mv.visitInsn(ISUB);
        mv.visitInsn(IRETURN);
        mv.visitLabel(isReturn);
        mv.visitInsn(POP);
        mv.visitLdcInsn(FunctionCompiler.GROUP_RETURNS);
    }

    /** A region returned from the function: pass the result on (it is in the frame's last slot). */
    private void returnFromRegionExit() {
        MethodVisitor mv = fc.mv();
        if (fc.region() != null) {
            storeBack();
            if (fc.region().nest != null) {
                mv.visitLdcInsn(FunctionCompiler.GROUP_RETURNS);
            } else {
                mv.visitInsn(ICONST_M1);
            }
            mv.visitInsn(IRETURN);
            return;
        }
        if (fc.functionResults().isEmpty()) {
            mv.visitInsn(RETURN);
            return;
        }
        Type t = fc.functionResults().get(0);
        mv.visitVarInsn(ALOAD, fc.frameSlot());
        mv.visitLdcInsn(fc.localCount());
        mv.visitInsn(LALOAD);
        JvmTypes.fromLong(mv, t);
        mv.visitInsn(t.getOpcode(IRETURN));
    }

    /** In a region method: copies the locals it writes back to the frame. */
    private void storeBack() {
        if (!fc.localsInFrame()) {
            storeToFrame(fc.region().written);
        }
    }

    /**
     * Leaves a region method with exit {@code code}: drops the operand stack (exits carry no values) and jumps to
     * the method's one exit stub, which copies the written locals back to the frame. One stub rather than a copy
     * at every exit keeps a region with many exits (an interpreter's case ending in many branches) small.
     */
    void leaveRegion(int code) {
        MethodVisitor mv = fc.mv();
        // What the branch carries goes to the frame after the locals (the top value last), the rest is dropped.
        List<Type> carried = FunctionCompiler.types(fc.planner().carried(fc.region().start, code));
        int k = carried.size();
        storeCarried(carried);
        for (int j = k; j < fc.stack().size(); j++) {
            OperandStack.emitPop(mv, fc.stack().peek(j));
        }
        ensureExitStub();
        mv.visitLdcInsn(code);
        mv.visitVarInsn(ISTORE, exitCodeSlot);
        mv.visitJumpInsn(GOTO, exitStub);
    }

    /** Moves the values on top of the stack, of types {@code carried}, to the frame after the locals. */
    void storeCarried(List<Type> carried) {
        MethodVisitor mv = fc.mv();
        for (int j = carried.size() - 1; j >= 0; j--) {
            JvmTypes.toLong(mv, carried.get(j));
            int tmp = fc.temp(Type.LONG_TYPE, 0);
            mv.visitVarInsn(LSTORE, tmp);
            mv.visitVarInsn(ALOAD, fc.frameSlot());
            mv.visitLdcInsn(fc.localCount() + j);
            mv.visitVarInsn(LLOAD, tmp);
            mv.visitInsn(LASTORE);
        }
    }

    private void ensureExitStub() {
        if (exitStub == null) {
            exitStub = new Label();
            exitCodeSlot = fc.temp(Type.INT_TYPE, 99);
        }
    }

    /**
     * Ends a region method: falling off the end of its run (a group's: with what its block yields, to the frame)
     * returns the code for "fell through", and the shared exit stub, if a branch made it, returns the exit code.
     */
    void finishRegion() {
        MethodVisitor mv = fc.mv();
        RegionPlanner.Region region = fc.region();
        if (region.nest != null) {
            storeCarried(FunctionCompiler.types(fc.planner().blockResults(region.start)));
        }
        storeBack();
        if (region.nest != null) {
            mv.visitLdcInsn(region.lo - 1);
        } else {
            mv.visitInsn(ICONST_0);
        }
        mv.visitInsn(IRETURN);
        if (exitStub != null) {
            mv.visitLabel(exitStub);
            storeBack();
            mv.visitVarInsn(ILOAD, exitCodeSlot);
            if (region.nest != null) {
                groupResult();
            }
            mv.visitInsn(IRETURN);
        }
    }
}
