package io.fssdk.runtime.compiler;

import static org.objectweb.asm.Opcodes.ATHROW;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.ICONST_M1;
import static org.objectweb.asm.Opcodes.IF_ICMPEQ;
import static org.objectweb.asm.Opcodes.IF_ICMPNE;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.POP;

import com.dylibso.chicory.wasm.types.FunctionType;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * The function-references proposal's instructions. A function reference is, as everywhere in this compiler, the
 * function's index in the instance, and -1 for null; {@code call_ref} calls through the function's method
 * handle ({@link GuestSupport#direct}), whose type validation has already matched to the call's.
 */
final class ReferenceOps {
    private static final String SUPPORT = Type.getInternalName(GuestSupport.class);
    /** Scratch locals for a call's arguments, past the ones other code parks values in. */
    private static final int TEMP = 60;

    private ReferenceOps() {
    }

    /** {@code ref.as_non_null}: traps on null, else leaves the reference. */
    static void asNonNull(FunctionCompiler fc) {
        MethodVisitor mv = fc.mv();
        Label ok = new Label();
        mv.visitInsn(DUP);
        mv.visitInsn(ICONST_M1);
        mv.visitJumpInsn(IF_ICMPNE, ok);
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
        mv.visitInsn(DUP);
        mv.visitInsn(ICONST_M1);
        mv.visitJumpInsn(IF_ICMPNE, notNull);
        mv.visitInsn(POP);
        Type ref = fc.stack().pop();
        fc.branchTo(d);
        fc.stack().push(ref);
        mv.visitLabel(notNull);
    }

    /** {@code br_on_non_null d}: a reference branches with it; null is dropped and falls through. */
    static void branchOnNonNull(FunctionCompiler fc, int d) {
        MethodVisitor mv = fc.mv();
        Label isNull = new Label();
        mv.visitInsn(DUP);
        mv.visitInsn(ICONST_M1);
        mv.visitJumpInsn(IF_ICMPEQ, isNull);
        fc.branchTo(d);
        mv.visitLabel(isNull);
        mv.visitInsn(POP);
        fc.stack().pop();
    }

    /** {@code call_ref}: the reference on top, the arguments below it. */
    static void callRef(FunctionCompiler fc, int typeIdx) {
        MethodVisitor mv = fc.mv();
        OperandStack stack = fc.stack();
        FunctionType ft = fc.layout().module.typeSection().getType(typeIdx);
        stack.pop();
        int ref = fc.temp(Type.INT_TYPE, TEMP);
        mv.visitVarInsn(ISTORE, ref);
        Label ok = new Label();
        mv.visitVarInsn(ILOAD, ref);
        mv.visitInsn(ICONST_M1);
        mv.visitJumpInsn(IF_ICMPNE, ok);
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
        mv.visitVarInsn(ILOAD, ref);
        mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "direct", "(" + JvmTypes.CONTEXT.getDescriptor()
                + "I)Ljava/lang/invoke/MethodHandle;", false);
        for (int k = 0; k < params.size(); k++) {
            mv.visitVarInsn(params.get(k).getOpcode(ILOAD), slots[k]);
        }
        fc.loadContext();
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/invoke/MethodHandle", "invokeExact", JvmTypes.descriptor(ft),
                false);
        CallOps.afterCall(fc, ft);
    }
}
