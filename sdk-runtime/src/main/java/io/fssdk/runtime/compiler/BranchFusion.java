package io.fssdk.runtime.compiler;

import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.IFGE;
import static org.objectweb.asm.Opcodes.IFGT;
import static org.objectweb.asm.Opcodes.IFLE;
import static org.objectweb.asm.Opcodes.IFLT;
import static org.objectweb.asm.Opcodes.IFNE;
import static org.objectweb.asm.Opcodes.IF_ICMPEQ;
import static org.objectweb.asm.Opcodes.IF_ICMPGE;
import static org.objectweb.asm.Opcodes.IF_ICMPGT;
import static org.objectweb.asm.Opcodes.IF_ICMPLE;
import static org.objectweb.asm.Opcodes.IF_ICMPLT;
import static org.objectweb.asm.Opcodes.IF_ICMPNE;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.LCMP;
import static org.objectweb.asm.Opcodes.LCONST_0;

import com.dylibso.chicory.wasm.types.OpCode;
import java.util.EnumMap;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Comparisons fused with the {@code if} or {@code br_if} that consumes their result: the branch compares the
 * operands itself ({@code if_icmplt}, or {@code lcmp} and {@code iflt}) instead of calling Chicory's helper for
 * a 0 or 1 and testing it. Smaller (3 or 4 bytes instead of 6), and no helper call to inline: in a method near
 * HotSpot's size limit, C2's inlining budget ({@code DesiredMethodLimit}) runs out, and the calls after that
 * stay real calls.
 *
 * <p>The unsigned comparisons call {@code Integer.compareUnsigned} or {@code Long.compareUnsigned} and jump on
 * its sign: as many bytes as Chicory's helper and the test of its result, one call level less for the inliner
 * (Chicory's helper calls them too), and on newer JDKs an intrinsic. The JVM has no unsigned compare, and
 * offsetting both operands by the sign bit would take a temporary local and 10 more bytes a site.
 */
final class BranchFusion {
    /** A fusable comparison: its operand type, and the JVM jump taken when it holds. */
    private record Compare(Type operand, boolean unary, boolean unsigned, int jumpIfTrue) {
        Compare(Type operand, boolean unary, int jumpIfTrue) {
            this(operand, unary, false, jumpIfTrue);
        }
    }

    private static final Map<OpCode, Compare> COMPARES = new EnumMap<>(OpCode.class);

    static {
        COMPARES.put(OpCode.I32_EQZ, new Compare(Type.INT_TYPE, true, IFEQ));
        COMPARES.put(OpCode.I32_EQ, new Compare(Type.INT_TYPE, false, IF_ICMPEQ));
        COMPARES.put(OpCode.I32_NE, new Compare(Type.INT_TYPE, false, IF_ICMPNE));
        COMPARES.put(OpCode.I32_LT_S, new Compare(Type.INT_TYPE, false, IF_ICMPLT));
        COMPARES.put(OpCode.I32_GT_S, new Compare(Type.INT_TYPE, false, IF_ICMPGT));
        COMPARES.put(OpCode.I32_LE_S, new Compare(Type.INT_TYPE, false, IF_ICMPLE));
        COMPARES.put(OpCode.I32_GE_S, new Compare(Type.INT_TYPE, false, IF_ICMPGE));
        // Unsigned: compareUnsigned leaves a negative, zero or positive int, tested against zero.
        COMPARES.put(OpCode.I32_LT_U, new Compare(Type.INT_TYPE, false, true, IFLT));
        COMPARES.put(OpCode.I32_GT_U, new Compare(Type.INT_TYPE, false, true, IFGT));
        COMPARES.put(OpCode.I32_LE_U, new Compare(Type.INT_TYPE, false, true, IFLE));
        COMPARES.put(OpCode.I32_GE_U, new Compare(Type.INT_TYPE, false, true, IFGE));
        // i64: lcmp leaves -1, 0 or 1, which the int jump against zero then tests.
        COMPARES.put(OpCode.I64_EQZ, new Compare(Type.LONG_TYPE, true, IFEQ));
        COMPARES.put(OpCode.I64_EQ, new Compare(Type.LONG_TYPE, false, IFEQ));
        COMPARES.put(OpCode.I64_NE, new Compare(Type.LONG_TYPE, false, IFNE));
        COMPARES.put(OpCode.I64_LT_S, new Compare(Type.LONG_TYPE, false, IFLT));
        COMPARES.put(OpCode.I64_GT_S, new Compare(Type.LONG_TYPE, false, IFGT));
        COMPARES.put(OpCode.I64_LE_S, new Compare(Type.LONG_TYPE, false, IFLE));
        COMPARES.put(OpCode.I64_GE_S, new Compare(Type.LONG_TYPE, false, IFGE));
        COMPARES.put(OpCode.I64_LT_U, new Compare(Type.LONG_TYPE, false, true, IFLT));
        COMPARES.put(OpCode.I64_GT_U, new Compare(Type.LONG_TYPE, false, true, IFGT));
        COMPARES.put(OpCode.I64_LE_U, new Compare(Type.LONG_TYPE, false, true, IFLE));
        COMPARES.put(OpCode.I64_GE_U, new Compare(Type.LONG_TYPE, false, true, IFGE));
    }

    private BranchFusion() {
    }

    /** Whether {@code op} is a comparison a following branch can take over. */
    static boolean fuses(OpCode op) {
        return COMPARES.containsKey(op);
    }

    /**
     * Records the comparison on the operand stack's model as the i32 it yields, emitting nothing: its operands
     * stay on the JVM stack for the branch that follows.
     */
    static void defer(OperandStack stack, OpCode op) {
        Compare c = COMPARES.get(op);
        stack.pop();
        if (!c.unary) {
            stack.pop();
        }
        stack.push(Type.INT_TYPE);
    }

    /** Emits the jump to {@code to}, taken when comparison {@code op} is {@code whenTrue}. */
    static void jump(MethodVisitor mv, OpCode op, boolean whenTrue, Label to) {
        Compare c = COMPARES.get(op);
        if (c.unsigned) {
            boolean wide = c.operand == Type.LONG_TYPE;
            mv.visitMethodInsn(INVOKESTATIC, wide ? "java/lang/Long" : "java/lang/Integer", "compareUnsigned",
                    wide ? "(JJ)I" : "(II)I", false);
        } else if (c.operand == Type.LONG_TYPE) {
            if (c.unary) {
                mv.visitInsn(LCONST_0);
            }
            mv.visitInsn(LCMP);
        }
        mv.visitJumpInsn(whenTrue ? c.jumpIfTrue : negate(c.jumpIfTrue), to);
    }

    private static int negate(int jump) {
        return switch (jump) {
            case IFEQ -> IFNE;
            case IFNE -> IFEQ;
            case IFLT -> IFGE;
            case IFGE -> IFLT;
            case IFGT -> IFLE;
            case IFLE -> IFGT;
            case IF_ICMPEQ -> IF_ICMPNE;
            case IF_ICMPNE -> IF_ICMPEQ;
            case IF_ICMPLT -> IF_ICMPGE;
            case IF_ICMPGE -> IF_ICMPLT;
            case IF_ICMPGT -> IF_ICMPLE;
            case IF_ICMPLE -> IF_ICMPGT;
            default -> throw new IllegalArgumentException("not a conditional jump: " + jump);
        };
    }
}
