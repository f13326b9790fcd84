package io.fssdk.runtime.compiler;

import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.DUP_X1;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.ICONST_1;
import static org.objectweb.asm.Opcodes.IFGE;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.ISUB;
import static org.objectweb.asm.Opcodes.PUTFIELD;

import com.dylibso.chicory.wasm.types.AnnotatedInstruction;
import com.dylibso.chicory.wasm.types.OpCode;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Emits the poll at every function entry and loop iteration: one step of {@link GuestContext#countdown}, and
 * every {@link GuestContext#POLL_INTERVAL} steps the interruption and fuel check ({@link GuestSupport#poll}).
 *
 * <p>It comes in two shapes, because of how HotSpot's C2 treats a branch its profile never saw taken: it
 * compiles it as a trap that, when reached, deoptimizes the whole method back to the bytecode interpreter.
 * <ul>
 *   <li>Inline (decrement, store, {@code ifge}): each site has its own profile, which shows the slow path
 *       only once the countdown has run out there. C2 then compiles the slow path as a trap, so the loop holds
 *       no call at all and keeps the memory array and other fields in registers. The price is one
 *       deoptimization per site, whenever the countdown first runs out there: QuickJS's counter took about 180
 *       in its first minute, its interpreter loop among them.</li>
 *   <li>A call to {@link GuestSupport#step}, which C2 inlines with its one profile shared by every site, where
 *       the slow path is taken all the time. No trap and no deoptimization; but C2 compiles the slow path as
 *       the call it is, after which it must reload every field.</li>
 * </ul>
 * Function entries, and loops that call a function anyway, take the second shape: their code reloads after a
 * call already. Loops without calls keep the first, so that tight loops (copies, hashes) stay as fast as they
 * were. Measured against every site inline, in alternating JVMs (JDK 17, {@code GuestSpeed}): the QuickJS
 * counter +3 to +6 % at steady state and fewer than a third of the deoptimizations, StarlingMonkey +5 to +8 %, the
 * C counter +8 %; every site a call instead cost the C counter 35 %.
 */
final class Polls {
    private static final String CTX = JvmTypes.CONTEXT.getInternalName();
    private static final String SUPPORT = org.objectweb.asm.Type.getInternalName(GuestSupport.class);

    private Polls() {
    }

    /** The {@code loop} instructions of {@code code} whose body (nested blocks included) makes a call. */
    static Set<AnnotatedInstruction> loopsThatCall(List<AnnotatedInstruction> code) {
        Set<AnnotatedInstruction> loops = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Integer> open = new ArrayDeque<>();
        BitSet calls = new BitSet(code.size());
        for (int i = 0; i < code.size(); i++) {
            switch (code.get(i).opcode()) {
                case BLOCK:
                case LOOP:
                case IF:
                case TRY_TABLE:
                    open.push(i);
                    break;
                case CALL:
                case CALL_INDIRECT:
                case CALL_REF:
                    if (!open.isEmpty()) {
                        calls.set(open.peek());
                    }
                    break;
                case END:
                    if (open.isEmpty()) {
                        break; // the function's own end
                    }
                    int start = open.pop();
                    if (calls.get(start)) {
                        if (code.get(start).opcode() == OpCode.LOOP) {
                            loops.add(code.get(start));
                        }
                        if (!open.isEmpty()) {
                            calls.set(open.peek());
                        }
                    }
                    break;
                default:
                    break;
            }
        }
        return loops;
    }

    /** The poll at a function's entry: a call to the shared step. */
    static void atEntry(MethodVisitor mv, int ctxSlot) {
        step(mv, ctxSlot);
    }

    /** The poll at the head of a loop; {@code loopCalls} if its body makes a call (see the class comment). */
    static void atLoop(MethodVisitor mv, int ctxSlot, boolean loopCalls) {
        if (loopCalls) {
            step(mv, ctxSlot);
            return;
        }
        Label ok = new Label();
        mv.visitVarInsn(ALOAD, ctxSlot);
        mv.visitInsn(DUP);
        mv.visitFieldInsn(GETFIELD, CTX, "countdown", "I");
        mv.visitInsn(ICONST_1);
        mv.visitInsn(ISUB);
        mv.visitInsn(DUP_X1);
        mv.visitFieldInsn(PUTFIELD, CTX, "countdown", "I");
        mv.visitJumpInsn(IFGE, ok);
        mv.visitVarInsn(ALOAD, ctxSlot);
        mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "poll", "(L" + CTX + ";)V", false);
        mv.visitLabel(ok);
    }

    private static void step(MethodVisitor mv, int ctxSlot) {
        mv.visitVarInsn(ALOAD, ctxSlot);
        mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "step", "(L" + CTX + ";)V", false);
    }
}
