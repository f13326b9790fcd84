package io.fssdk.runtime.compiler;

import static org.objectweb.asm.Opcodes.ATHROW;
import static org.objectweb.asm.Opcodes.DUP2;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.I2L;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.ICONST_1;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.IFNE;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.L2I;
import static org.objectweb.asm.Opcodes.LCMP;
import static org.objectweb.asm.Opcodes.LLOAD;
import static org.objectweb.asm.Opcodes.LSTORE;
import static org.objectweb.asm.Opcodes.POP2;

import com.dylibso.chicory.wasm.types.AnnotatedInstruction;
import com.dylibso.chicory.wasm.types.FunctionType;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * The function-references proposal's instructions. A function reference is, as everywhere in this compiler, the
 * function's index in the instance as a {@code long} (see {@link JvmTypes}), and -1 for null; {@code call_ref} calls through the function's method
 * handle ({@link GuestSupport#direct}), whose type validation has already matched to the call's.
 */
final class ReferenceOps {
    private static final String SUPPORT = Type.getInternalName(GuestSupport.class);
    /** Scratch locals for a call's arguments, past the ones other code parks values in. */
    private static final int TEMP = 60;

    private ReferenceOps() {
    }

    /** {@code ref.null}, {@code ref.func} and {@code ref.is_null}. */
    static void emitSimple(FunctionCompiler fc, AnnotatedInstruction ins) {
        MethodVisitor mv = fc.mv();
        switch (ins.opcode()) {
            case REF_NULL:
                JvmTypes.pushNull(mv);
                fc.stack().push(JvmTypes.REF);
                return;
            case REF_FUNC:
                mv.visitLdcInsn((int) ins.operand(0));
                mv.visitInsn(I2L);
                fc.stack().push(JvmTypes.REF);
                return;
            case REF_IS_NULL: {
                fc.stack().pop();
                Label yes = new Label();
                Label end = new Label();
                jumpIfNull(mv, yes);
                mv.visitInsn(ICONST_0);
                mv.visitJumpInsn(GOTO, end);
                mv.visitLabel(yes);
                mv.visitInsn(ICONST_1);
                mv.visitLabel(end);
                fc.stack().push(Type.INT_TYPE);
                return;
            }
            default:
                throw new IllegalArgumentException(ins.opcode().toString());
        }
    }

    /** Consumes the reference on top of the stack and jumps to {@code target} if it is null. */
    static void jumpIfNull(MethodVisitor mv, Label target) {
        JvmTypes.pushNull(mv);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFEQ, target);
    }

    /** Consumes the reference on top of the stack and jumps to {@code target} if it is not null. */
    static void jumpIfNotNull(MethodVisitor mv, Label target) {
        JvmTypes.pushNull(mv);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFNE, target);
    }

    /** {@code ref.as_non_null}: traps on null, else leaves the reference. */
    static void asNonNull(FunctionCompiler fc) {
        MethodVisitor mv = fc.mv();
        Label ok = new Label();
        mv.visitInsn(DUP2);
        jumpIfNotNull(mv, ok);
        nullTrap(mv);
        mv.visitLabel(ok);
    }

    private static void nullTrap(MethodVisitor mv) {
        mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "nullReference", "()Lcom/dylibso/chicory/runtime/TrapException;",
                false);
        mv.visitInsn(ATHROW);
    }

    /** {@code br_on_null d}: a null reference is dropped and branches; any other stays and falls through. */
    static void branchOnNull(FunctionCompiler fc, int d) {
        MethodVisitor mv = fc.mv();
        Label notNull = new Label();
        mv.visitInsn(DUP2);
        jumpIfNotNull(mv, notNull);
        mv.visitInsn(POP2);
        Type ref = fc.stack().pop();
        fc.branchTo(d);
        fc.stack().push(ref);
        mv.visitLabel(notNull);
    }

    /** {@code br_on_non_null d}: a reference branches with it; null is dropped and falls through. */
    static void branchOnNonNull(FunctionCompiler fc, int d) {
        MethodVisitor mv = fc.mv();
        Label isNull = new Label();
        mv.visitInsn(DUP2);
        jumpIfNull(mv, isNull);
        fc.branchTo(d);
        mv.visitLabel(isNull);
        mv.visitInsn(POP2);
        fc.stack().pop();
    }

    /** {@code call_ref}: the reference on top, the arguments below it. */
    static void callRef(FunctionCompiler fc, int typeIdx) {
        callRef(fc, typeIdx, !fc.layout().tailCallers.isEmpty());
    }

    /** {@code call_ref}, running the tail calls the callee may have requested if {@code completeTailCalls}. */
    static void callRef(FunctionCompiler fc, int typeIdx, boolean completeTailCalls) {
        MethodVisitor mv = fc.mv();
        OperandStack stack = fc.stack();
        FunctionType ft = fc.layout().module.typeSection().getType(typeIdx);
        stack.pop();
        int ref = fc.temp(JvmTypes.REF, TEMP);
        mv.visitVarInsn(LSTORE, ref);
        Label ok = new Label();
        mv.visitVarInsn(LLOAD, ref);
        jumpIfNotNull(mv, ok);
        nullTrap(mv);
        mv.visitLabel(ok);
        // The handle must be under the arguments: park them, push it, load them back.
        List<Type> params = JvmTypes.expand(ft.params());
        int[] slots = new int[params.size()];
        for (int k = params.size() - 1; k >= 0; k--) {
            slots[k] = fc.temp(params.get(k), TEMP + 1 + k);
            mv.visitVarInsn(params.get(k).getOpcode(ISTORE), slots[k]);
        }
        fc.loadContext();
        mv.visitVarInsn(LLOAD, ref);
        mv.visitInsn(L2I);
        mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "direct", "(" + JvmTypes.CONTEXT.getDescriptor()
                + "I)Ljava/lang/invoke/MethodHandle;", false);
        for (int k = 0; k < params.size(); k++) {
            mv.visitVarInsn(params.get(k).getOpcode(ILOAD), slots[k]);
        }
        fc.loadContext();
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/invoke/MethodHandle", "invokeExact", JvmTypes.descriptor(ft),
                false);
        CallOps.afterCall(fc, ft, completeTailCalls);
    }
}
