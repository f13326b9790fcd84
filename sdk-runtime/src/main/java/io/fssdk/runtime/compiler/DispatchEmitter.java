package io.fssdk.runtime.compiler;

import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ATHROW;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.ICONST_M1;
import static org.objectweb.asm.Opcodes.IFGE;
import static org.objectweb.asm.Opcodes.IFLT;
import static org.objectweb.asm.Opcodes.IF_ICMPNE;
import static org.objectweb.asm.Opcodes.IF_ICMPGE;
import static org.objectweb.asm.Opcodes.IFNE;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.ISUB;
import static org.objectweb.asm.Opcodes.LALOAD;

import com.dylibso.chicory.wasm.types.AnnotatedInstruction;
import com.dylibso.chicory.wasm.types.OpCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Emits the two halves of a flat dispatch nest ({@link DispatchNest}) into the method {@link FunctionCompiler}
 * is translating: the head's side (the lookup from case to entry, the entry switch and one call site per
 * group), and a group method's prologue (a jump to the entry passed in).
 */
final class DispatchEmitter {
    private static final String SUPPORT = Type.getInternalName(GuestSupport.class);

    private final FunctionCompiler fc;

    DispatchEmitter(FunctionCompiler fc) {
        this.fc = fc;
    }

    /**
     * A dispatch group's prologue: jumps to the handler of the entry passed (the method's third argument), with
     * the values its chain block yields, if any, pushed back from the frame. An entry out of range traps.
     * Returns the labels to place, by instruction.
     */
    Map<Integer, Label> enterGroup(RegionPlanner.Region region) {
        MethodVisitor mv = fc.mv();
        DispatchNest nest = region.nest.nest;
        Map<Integer, Label> at = new HashMap<>();
        Label bad = new Label();
        Label[] cases = new Label[region.hi - region.lo + 1];
        for (int k = region.lo; k <= region.hi; k++) {
            cases[k - region.lo] = new Label();
            at.put(nest.entry(k), new Label());
        }
        mv.visitVarInsn(ILOAD, FunctionCompiler.GROUP_ENTRY_SLOT);
        mv.visitTableSwitchInsn(region.lo, region.hi, bad, cases);
        for (int k = region.lo; k <= region.hi; k++) {
            mv.visitLabel(cases[k - region.lo]);
            List<Type> yields = FunctionCompiler.types(fc.planner().blockResults(nest.chain[k]));
            for (int j = 0; j < yields.size(); j++) {
                mv.visitVarInsn(ALOAD, fc.frameSlot());
                mv.visitLdcInsn(fc.localCount() + j);
                mv.visitInsn(LALOAD);
                JvmTypes.fromLong(mv, yields.get(j));
            }
            mv.visitJumpInsn(GOTO, at.get(nest.entry(k)));
        }
        mv.visitLabel(bad);
        mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "unreachable", "()Lcom/dylibso/chicory/runtime/TrapException;",
                false);
        mv.visitInsn(ATHROW);
        return at;
    }

    /**
     * Emits a dispatch nest ({@link DispatchNest}) flat: the head, with the chain blocks open around it; for each
     * chain block a branch reaches, a stub passing its entry to the group that holds it; an entry switch for
     * group exits that lead to other entries; and one call site per group, which calls it and acts on its exit.
     * Returns the index of the instruction before the nest's last {@code end}, where translation goes on.
     */
    int emitDispatch(DispatchNest.Plan plan) {
        MethodVisitor mv = fc.mv();
        OperandStack stack = fc.stack();
        RegionPlanner planner = fc.planner();
        DispatchNest nest = plan.nest;
        List<AnnotatedInstruction> code = fc.instructions();
        int levels = nest.levels();
        int h = stack.size();
        FunctionCompiler.Frame[] chain = new FunctionCompiler.Frame[levels];
        for (int k = 0; k < levels; k++) {
            chain[k] = new FunctionCompiler.Frame(OpCode.BLOCK, List.of(),
                    FunctionCompiler.types(planner.blockResults(nest.chain[k])), h);
            fc.pushFrame(chain[k]);
        }
        Label entrySwitch = new Label();
        Label entering = new Label();
        // The entry to dispatch waits in a local, not on the stack: the ways back to the entry switch are
        // backward branches, and HotSpot compiles no loop entry (OSR) where the stack holds a value. A bytecode
        // loop that ran all its cases in one call of the head's method would stay in a low tier.
        int entry = fc.temp(Type.INT_TYPE, 1);
        List<Integer> outer = new ArrayList<>();
        for (int j = nest.chain[levels - 1] + 1; j <= nest.brTable; j++) {
            AnnotatedInstruction ins = code.get(j);
            if (fc.skips(ins)) {
                continue;
            }
            fc.line((j + 1) & 0xFFFF);
            if (j == nest.brTable && !fc.skipping() && entryMap(ins, chain, entering, h, outer)) {
                break;
            }
            fc.emit(ins);
        }
        // Past the head nothing falls through: what the stack holds from here on is what lay below the nest.
        stack.truncate(h);
        for (int k = levels - 1; k >= 1; k--) {
            fc.popFrame();
        }
        Label[] callSites = new Label[plan.groups.size()];
        for (int g = 0; g < callSites.length; g++) {
            callSites[g] = new Label();
        }
        for (int k = 1; k < levels; k++) {
            if (chain[k].used) {
                mv.visitLabel(chain[k].target);
                fc.exits().storeCarried(FunctionCompiler.types(planner.blockResults(nest.chain[k])));
                mv.visitLdcInsn(k);
                mv.visitVarInsn(ISTORE, entry);
                mv.visitJumpInsn(GOTO, callSites[plan.groupOf[k]]);
            }
        }
        Label afterNest = new Label();
        Label bad = new Label();
        Label[] byEntry = new Label[levels + outer.size()];
        byEntry[0] = afterNest;
        for (int k = 1; k < levels; k++) {
            byEntry[k] = callSites[plan.groupOf[k]];
        }
        for (int j = 0; j < outer.size(); j++) {
            byEntry[levels + j] = new Label();
        }
        mv.visitLabel(entering);
        mv.visitVarInsn(ISTORE, entry);
        mv.visitLabel(entrySwitch);
        fc.line(65_000);
        mv.visitVarInsn(ILOAD, entry);
        mv.visitTableSwitchInsn(0, byEntry.length - 1, bad, byEntry);
        for (int j = 0; j < outer.size(); j++) {
            // A br_table target past the nest, seen from C_0 (the chain's other frames are closed here).
            mv.visitLabel(byEntry[levels + j]);
            fc.branchTo(outer.get(j) - (levels - 1));
        }
        mv.visitLabel(bad);
        mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "unreachable", "()Lcom/dylibso/chicory/runtime/TrapException;",
                false);
        mv.visitInsn(ATHROW);
        mv.visitLabel(afterNest);
        // Entry 0, the nest's end: a group falling off C_0 or branching to it left C_0's values in the frame. (The
        // head's br_table reaches it only when its targets take no values, C_0's end among them.)
        List<Type> results = FunctionCompiler.types(planner.blockResults(nest.chain[0]));
        for (int j = 0; j < results.size(); j++) {
            mv.visitVarInsn(ALOAD, fc.frameSlot());
            mv.visitLdcInsn(fc.localCount() + j);
            mv.visitInsn(LALOAD);
            JvmTypes.fromLong(mv, results.get(j));
        }
        chain[0].used = true;
        mv.visitJumpInsn(GOTO, chain[0].target);
        Label leave = new Label();
        TreeSet<Integer> leaving = new TreeSet<>();
        for (int g = 0; g < callSites.length; g++) {
            mv.visitLabel(callSites[g]);
            fc.line(65_001 + g);
            callGroup(plan, plan.groups.get(g), entrySwitch, leave, leaving);
        }
        if (!leaving.isEmpty()) {
            // One block for every group's exits out of the nest, their codes as group 0's would be.
            // The group's result r (in the entry's local) is code lo_0 - 1 - r as group 0's, or a return.
            RegionPlanner.Region g0 = plan.groups.get(0);
            int exit = fc.temp(Type.INT_TYPE, 0);
            mv.visitLabel(leave);
            fc.line(65_000);
            Label branches = new Label();
            Label decoded = new Label();
            if (leaving.contains(-1)) {
                mv.visitVarInsn(ILOAD, entry);
                mv.visitLdcInsn(FunctionCompiler.GROUP_RETURNS);
                mv.visitJumpInsn(IF_ICMPNE, branches);
                mv.visitInsn(ICONST_M1);
                mv.visitVarInsn(ISTORE, exit);
                mv.visitJumpInsn(GOTO, decoded);
            }
            mv.visitLabel(branches);
            mv.visitLdcInsn(g0.lo - 1);
            mv.visitVarInsn(ILOAD, entry);
            mv.visitInsn(ISUB);
            mv.visitVarInsn(ISTORE, exit);
            mv.visitLabel(decoded);
            fc.exits().actOnExits(g0, leaving, exit, g0.lo - 2);
            mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "unreachable",
                    "()Lcom/dylibso/chicory/runtime/TrapException;", false);
            mv.visitInsn(ATHROW);
        }
        fc.startSkipping();
        return nest.ends[0] - 1;
    }

    /**
     * The head's {@code br_table} as a lookup: when every target is a chain block taking no values, the entry
     * for each index comes from a string constant (one char per index), then goes to the entry switch. A case
     * then costs the method one char, not a {@code tableswitch} slot plus a stub loading its entry (10 bytes
     * in all): QuickJS's nest has 253 cases, and the method holding it is the function's main one.
     */
    private boolean entryMap(AnnotatedInstruction ins, FunctionCompiler.Frame[] chain, Label entrySwitch, int h,
            List<Integer> outer) {
        MethodVisitor mv = fc.mv();
        OperandStack stack = fc.stack();
        int count = ins.operandCount() - 1;
        int levels = chain.length;
        StringBuilder map = new StringBuilder(count);
        int[] entry = new int[count + 1];
        // All targets of a br_table take as many values: none, or it is not a dispatch into the chain.
        int first = (int) ins.operand(0);
        if (first >= levels || !chain[levels - 1 - first].results.isEmpty()) {
            return false;
        }
        for (int i = 0; i <= count; i++) {
            int d = (int) ins.operand(i);
            if (d < levels) {
                entry[i] = levels - 1 - d;
            } else {
                // Past the nest: an entry after the chain's, whose case in the entry switch branches there.
                if (!outer.contains(d)) {
                    outer.add(d);
                }
                entry[i] = levels + outer.indexOf(d);
            }
            if (i < count) {
                map.append((char) entry[i]);
            }
        }
        stack.pop();
        int index = fc.temp(Type.INT_TYPE, 2);
        mv.visitVarInsn(ISTORE, index);
        for (int k = 0; k < stack.size() - h; k++) {
            OperandStack.emitPop(mv, stack.peek(k));
        }
        Label dflt = new Label();
        mv.visitVarInsn(ILOAD, index);
        mv.visitJumpInsn(IFLT, dflt);
        mv.visitVarInsn(ILOAD, index);
        mv.visitLdcInsn(count);
        mv.visitJumpInsn(org.objectweb.asm.Opcodes.IF_ICMPGE, dflt);
        mv.visitLdcInsn(map.toString());
        mv.visitVarInsn(ILOAD, index);
        mv.visitMethodInsn(org.objectweb.asm.Opcodes.INVOKEVIRTUAL, "java/lang/String", "charAt", "(I)C", false);
        mv.visitJumpInsn(GOTO, entrySwitch);
        mv.visitLabel(dflt);
        mv.visitLdcInsn(entry[count]);
        mv.visitJumpInsn(GOTO, entrySwitch);
        fc.startSkipping();
        return true;
    }

    /**
     * A group call site: the entry is in its local, and so is what the group returns
     * ({@link RegionExits#groupResult}): an entry, where the entry switch goes on (falling off the group
     * continues at the entry below it, exits to chain blocks at theirs); or a negative number, for the exits that
     * leave the nest, as the branches they are, seen from its outermost block ({@code C_0}, the top frame here),
     * through the block at {@code leave} that all call sites share, which adds their codes, renumbered as group
     * 0's, to {@code leaving}. The group computes its result, so a call site is 16 bytes whatever its exits: a
     * case per exit at every call site made SpiderMonkey's head method twice its estimate, and a test of each
     * kind of exit at each still took QuickJS's 55 call sites 45 bytes each.
     */
    private void callGroup(DispatchNest.Plan plan, RegionPlanner.Region g, Label entrySwitch, Label leave,
            TreeSet<Integer> leaving) {
        MethodVisitor mv = fc.mv();
        int entry = fc.temp(Type.INT_TYPE, 1);
        fc.exits().copyIn(g);
        mv.visitVarInsn(ALOAD, fc.frameSlot());
        fc.loadContext();
        mv.visitVarInsn(ILOAD, entry);
        mv.visitMethodInsn(INVOKESTATIC, fc.className(), fc.regionName(g), FunctionCompiler.GROUP_DESC, false);
        fc.reloadMemory();
        mv.visitVarInsn(ISTORE, entry);
        fc.exits().copyOut(g);
        // Exit c > 0 is a branch c - 1 levels out from C_{lo-1}: to C_{lo-1-c} while that is a chain block
        // (entry lo-1-c; C_0 is the nest's end), past the nest for larger c (a negative result); -1 returns.
        int delta = plan.groups.get(0).lo - g.lo;
        boolean leaves = false;
        for (int c : g.exitCodes) {
            if (c == -1 || c > g.lo - 1) {
                leaving.add(c == -1 ? -1 : c + delta);
                leaves = true;
            }
        }
        if (leaves) {
            mv.visitVarInsn(ILOAD, entry);
            mv.visitJumpInsn(IFGE, entrySwitch);
            mv.visitJumpInsn(GOTO, leave);
        } else {
            mv.visitJumpInsn(GOTO, entrySwitch);
        }
    }
}
