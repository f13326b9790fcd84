package io.fssdk.runtime.compiler;

import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.IFNE;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.POP;

import com.dylibso.chicory.wasm.types.AnnotatedInstruction;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.OpCode;
import io.fssdk.runtime.compiler.FunctionCompiler.Frame;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.Type;

/**
 * Structured control flow for a {@link FunctionCompiler}: the stack of open blocks ({@link Frame}), their labels
 * and jumps ({@code block}, {@code loop}, {@code if}, {@code else}, {@code end}, {@code br}, {@code br_if},
 * {@code br_table}, and the block of a {@code try_table}), and the skipping of unreachable code.
 *
 * <p>A branch that leaves values below its results (allowed by wasm, not by the JVM verifier) parks the results
 * in temporaries, pops the rest, and reloads them. Code after an unconditional branch is skipped up to the end
 * of its block, which also disposes of wasm's stack-polymorphic unreachable code. A branch out of a region
 * method leaves it with an exit code ({@link RegionExits}).
 */
final class ControlFlow {
    private final FunctionCompiler fc;
    private final OperandStack stack;
    private final ArrayDeque<Frame> frames = new ArrayDeque<>();
    private boolean skipping;
    private int skipDepth;
    /**
     * A comparison whose result only decides the {@code if} or {@code br_if} right after it, or null: its
     * operands stay on the stack and the branch compares them itself ({@link BranchFusion}). One JVM jump
     * instead of a helper call and a test of its result; a helper call past HotSpot's inlining budget of a
     * large method stays a real call.
     */
    private OpCode fused;
    /** How many {@code try_table}s this method has begun: each saves the stack in locals of its own. */
    private int tryTables;

    ControlFlow(FunctionCompiler fc, OperandStack stack) {
        this.fc = fc;
        this.stack = stack;
    }

    /** Opens frame {@code f} (the function's own, a region's stand-in, a dispatch nest's chain blocks). */
    void push(Frame f) {
        frames.push(f);
    }

    void pop() {
        frames.pop();
    }

    Frame top() {
        return frames.peek();
    }

    /** How many frames are open. */
    int depth() {
        return frames.size();
    }

    /** Whether code here is unreachable (being skipped to the end of its block). */
    boolean skipping() {
        return skipping;
    }

    /** Defers comparison {@code op} to the branch after it (see {@link #fused}). */
    void fuse(OpCode op) {
        fused = op;
    }

    /** The comparison deferred to the next branch, or null. */
    OpCode fused() {
        return fused;
    }

    /** Emits {@code ins} if it is a control instruction of this class; false otherwise. */
    boolean emit(AnnotatedInstruction ins) {
        OpCode op = ins.opcode();
        switch (op) {
            case TRY_TABLE: {
                FunctionType bt = fc.layout().blockType(ins.operand(0));
                List<Type> params = FunctionCompiler.types(bt.params());
                ExceptionOps.TryTable t = ExceptionOps.begin(fc, ins, params.size(), tryTables++);
                Frame f = new Frame(op, params, FunctionCompiler.types(bt.returns()), stack.size() - params.size());
                f.tryTable = t;
                frames.push(f);
                return true;
            }
            case BLOCK:
            case LOOP:
            case IF: {
                if (op == OpCode.IF) {
                    stack.pop();
                }
                FunctionType bt = fc.layout().blockType(ins.operand(0));
                List<Type> params = FunctionCompiler.types(bt.params());
                Frame f = new Frame(op, params, FunctionCompiler.types(bt.returns()), stack.size() - params.size());
                frames.push(f);
                if (op == OpCode.IF) {
                    conditionalJump(false, f.elseLabel);
                } else if (op == OpCode.LOOP) {
                    fc.mv().visitLabel(f.target);
                    fc.emitLoopPoll(ins);
                }
                return true;
            }
            case ELSE: {
                Frame f = frames.peek();
                if (!skipping) {
                    fc.mv().visitJumpInsn(GOTO, f.target);
                }
                skipping = false;
                f.hasElse = true;
                fc.mv().visitLabel(f.elseLabel);
                stack.truncate(f.height);
                f.params.forEach(stack::push);
                return true;
            }
            case END:
                endFrame();
                return true;
            case BR:
                branchTo((int) ins.operand(0));
                startSkipping();
                return true;
            case BR_IF: {
                stack.pop();
                int d = (int) ins.operand(0);
                Frame target = staysInside(d) ? frameAt(d) : null;
                if (target != null && target.kind != OpCode.END
                        && stack.size() - target.height == target.carried().size()) {
                    target.used = true;
                    conditionalJump(true, target.target);
                } else {
                    Label skip = new Label();
                    conditionalJump(false, skip);
                    branchTo(d);
                    fc.mv().visitLabel(skip);
                }
                return true;
            }
            case BR_TABLE:
                brTable(ins);
                startSkipping();
                return true;
            default:
                return false;
        }
    }

    /** Branches {@code d} levels out: within this method, or out of a region method with an exit code. */
    void branchTo(int d) {
        if (!staysInside(d)) {
            int inner = frames.size() - 1;
            fc.exits().leaveRegion(RegionPlanner.exitCode(fc.planner().blocksOpen(fc.region().start), inner, d));
            return;
        }
        branch(frameAt(d));
    }

    /** Whether a branch of depth {@code d} stays in this method. */
    boolean staysInside(int d) {
        return fc.region() == null || d < frames.size() - 1;
    }

    /** Whether a skipped instruction ends the skipping (an else or end of the block that became unreachable). */
    boolean skip(AnnotatedInstruction ins) {
        switch (ins.opcode()) {
            case BLOCK:
            case LOOP:
            case IF:
            case TRY_TABLE:
                skipDepth++;
                return false;
            case ELSE:
                return skipDepth == 0;
            case END:
                if (skipDepth > 0) {
                    skipDepth--;
                    return false;
                }
                return true;
            default:
                return false;
        }
    }

    void startSkipping() {
        skipping = true;
        skipDepth = 0;
    }

    /** Jumps to {@code to} when the condition on the stack is {@code whenTrue}, comparing a fused one's operands. */
    private void conditionalJump(boolean whenTrue, Label to) {
        if (fused != null) {
            BranchFusion.jump(fc.mv(), fused, whenTrue, to);
            fused = null;
        } else {
            fc.mv().visitJumpInsn(whenTrue ? IFNE : IFEQ, to);
        }
    }

    private void endFrame() {
        Frame f = frames.pop();
        boolean reachable = !skipping;
        skipping = false;
        if (f.kind == OpCode.END) {
            if (reachable) {
                fc.emitReturn();
            }
            return;
        }
        if (f.kind == OpCode.IF && !f.hasElse) {
            fc.mv().visitLabel(f.elseLabel);
        }
        if (f.tryTable != null) {
            ExceptionOps.end(fc, f.tryTable, reachable, f.target);
        }
        if (f.kind != OpCode.LOOP) {
            fc.mv().visitLabel(f.target);
        }
        stack.truncate(f.height);
        f.results.forEach(stack::push);
    }

    /**
     * Closes the function's frame when its body ran out before the function's own {@code end}. The spec calls
     * such a body malformed, but Chicory's parser accepts one whose last {@code end} closes a block (one end
     * short), and its interpreter returns once it runs past the last instruction. Returning here too keeps the
     * method from falling off its code or ending at a label with no code after it, either of which the verifier
     * rejects for the whole class. When the stack cannot be the function's results the body is left to the
     * interpreter, which is then the only definition of what it does.
     */
    void closeUnendedBody() {
        while (frames.size() > 1) {
            endFrame();
        }
        int n = fc.functionResults().size();
        if (!skipping && (stack.size() < n || !stack.slice(stack.size() - n).equals(fc.functionResults()))) {
            throw new UnsupportedOperationException("body ends without the function's end, its stack "
                    + "not holding the function's results");
        }
        endFrame();
    }

    private Frame frameAt(int depth) {
        int i = 0;
        for (Frame f : frames) {
            if (i++ == depth) {
                return f;
            }
        }
        throw new IllegalStateException("branch depth " + depth + " out of range");
    }

    /**
     * Jumps to {@code target} (or returns, for the function frame), dropping whatever lies between the frame's
     * base and the carried values. The stack model is left unchanged: callers decide what follows.
     */
    private void branch(Frame target) {
        if (target.kind == OpCode.END) {
            fc.emitReturn();
            return;
        }
        List<Type> carried = target.carried();
        int junk = stack.size() - target.height - carried.size();
        if (junk > 0) {
            shuffleDown(carried, junk);
        }
        target.used = true;
        fc.mv().visitJumpInsn(GOTO, target.target);
    }

    /** Removes {@code junk} values lying under the top {@code keep.size()} values. */
    private void shuffleDown(List<Type> keep, int junk) {
        int n = keep.size();
        for (int i = n - 1; i >= 0; i--) {
            Type t = stack.peek(n - 1 - i);
            fc.mv().visitVarInsn(t.getOpcode(ISTORE), fc.temp(t, i));
        }
        for (int j = 0; j < junk; j++) {
            OperandStack.emitPop(fc.mv(), stack.peek(n + j));
        }
        for (int i = 0; i < n; i++) {
            Type t = stack.peek(n - 1 - i);
            fc.mv().visitVarInsn(t.getOpcode(ILOAD), fc.temp(t, i));
        }
    }

    private void brTable(AnnotatedInstruction ins) {
        stack.pop();
        int count = ins.operandCount() - 1;
        Map<Integer, Label> stubs = new LinkedHashMap<>();
        Label[] labels = new Label[count];
        for (int i = 0; i < count; i++) {
            labels[i] = stubs.computeIfAbsent((int) ins.operand(i), d -> new Label());
        }
        Label dflt = stubs.computeIfAbsent((int) ins.operand(count), d -> new Label());
        if (count == 0) {
            fc.mv().visitInsn(POP);
            fc.mv().visitJumpInsn(GOTO, dflt);
        } else {
            fc.mv().visitTableSwitchInsn(0, count - 1, dflt, labels);
        }
        for (Map.Entry<Integer, Label> e : stubs.entrySet()) {
            fc.mv().visitLabel(e.getValue());
            branchTo(e.getKey());
        }
    }

}
