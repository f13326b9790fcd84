package io.fssdk.runtime.compiler;

import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.ATHROW;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.IADD;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.ICONST_1;
import static org.objectweb.asm.Opcodes.ICONST_M1;
import static org.objectweb.asm.Opcodes.IFLT;
import static org.objectweb.asm.Opcodes.IF_ICMPGE;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.LALOAD;
import static org.objectweb.asm.Opcodes.LLOAD;
import static org.objectweb.asm.Opcodes.LSTORE;
import static org.objectweb.asm.Opcodes.POP;
import static org.objectweb.asm.Opcodes.PUTFIELD;

import com.dylibso.chicory.wasm.types.FunctionType;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * The tail-call proposal's {@code return_call}, {@code return_call_indirect} and {@code return_call_ref}. The JVM
 * has no tail call, and a call then a return grows the thread's stack by a frame per call, which a loop written
 * as tail recursion (a million deep in the spec's scripts) overflows. So a tail call is a plain call only up to a
 * depth, and past it a request ({@link #plainOrRequest}): its arguments are boxed into the context with the callee
 * ({@link GuestTailCalls}), and the function returns placeholder results at once. Where a call may have ended that
 * way (a direct call of a function that makes tail calls, any indirect or reference call in a module that has
 * them, and every entry from outside), the code after it checks the context and runs the requests in a loop. A
 * module with no tail call compiles as before.
 */
final class TailCalls {
    private static final String TAIL = Type.getInternalName(GuestTailCalls.class);
    private static final String CTX = Type.getInternalName(GuestContext.class);
    private static final String CTX_DESC = JvmTypes.CONTEXT.getDescriptor();
    /** Scratch locals, past the ones other code parks values in. */
    private static final int TEMP = 90;
    /**
     * How many tail calls may run as plain calls at once: each takes a JVM frame (a few, for a split function), so
     * this bounds the stack a chain uses while sparing most of its calls the boxing.
     */
    static final int DIRECT_DEPTH = 64;

    private TailCalls() {
    }

    /** {@code return_call f}: see {@link #plainOrRequest}. The caller emits the return. */
    static void returnCall(FunctionCompiler fc, int target) {
        FunctionType ft = fc.layout().types[target];
        plainOrRequest(fc, () -> {
            fc.loadContext();
            fc.mv().visitMethodInsn(INVOKESTATIC, fc.layout().owners[target], "f" + target, JvmTypes.descriptor(ft),
                    false);
            CallOps.afterCall(fc, ft, false);
        }, () -> {
            int args = boxArguments(fc, ft);
            MethodVisitor mv = fc.mv();
            fc.loadContext();
            mv.visitLdcInsn(target);
            mv.visitVarInsn(ALOAD, args);
            mv.visitMethodInsn(INVOKESTATIC, TAIL, "request", "(" + CTX_DESC + "I[J)V", false);
            pushPlaceholders(fc, ft);
        });
    }

    /** {@code return_call_indirect}: the table index on top, the arguments under it. */
    static void returnCallIndirect(FunctionCompiler fc, int typeIdx, int table) {
        FunctionType ft = fc.layout().module.typeSection().getType(typeIdx);
        plainOrRequest(fc, () -> CallOps.callIndirect(fc, typeIdx, table, false), () -> {
            MethodVisitor mv = fc.mv();
            fc.stack().pop();
            int elem = fc.temp(Type.INT_TYPE, TEMP);
            mv.visitVarInsn(ISTORE, elem);
            int args = boxArguments(fc, ft);
            fc.loadContext();
            mv.visitLdcInsn(table);
            mv.visitVarInsn(ILOAD, elem);
            mv.visitLdcInsn(fc.layout().sigIdOf(ft));
            mv.visitLdcInsn(typeIdx);
            mv.visitVarInsn(ALOAD, args);
            mv.visitMethodInsn(INVOKESTATIC, TAIL, "requestIndirect", "(" + CTX_DESC + "IIII[J)V", false);
            pushPlaceholders(fc, ft);
        });
    }

    /** {@code return_call_ref}: the function reference on top, the arguments under it. */
    static void returnCallRef(FunctionCompiler fc, int typeIdx) {
        FunctionType ft = fc.layout().module.typeSection().getType(typeIdx);
        plainOrRequest(fc, () -> ReferenceOps.callRef(fc, typeIdx, false), () -> {
            MethodVisitor mv = fc.mv();
            fc.stack().pop();
            int ref = fc.temp(JvmTypes.REF, TEMP);
            mv.visitVarInsn(LSTORE, ref);
            int args = boxArguments(fc, ft);
            fc.loadContext();
            mv.visitVarInsn(LLOAD, ref);
            mv.visitVarInsn(ALOAD, args);
            mv.visitMethodInsn(INVOKESTATIC, TAIL, "requestRef", "(" + CTX_DESC + "J[J)V", false);
            pushPlaceholders(fc, ft);
        });
    }

    /**
     * The two ways of a tail call, chosen at run time. While fewer than {@link #DIRECT_DEPTH} tail calls run as
     * plain calls on this instance's thread, {@code call} emits one, whose results (or the request the callee
     * left, with placeholder results) pass on to this function's caller. Past that, {@code request} records the
     * call and pushes placeholders, which unwinds the plain calls made so far to the loop that runs requests. So
     * a chain pays the boxing and the unwinding once every {@link #DIRECT_DEPTH} calls, and its stack is bounded.
     * Both emitters start from the same operand stack and leave the callee's results on it.
     */
    private static void plainOrRequest(FunctionCompiler fc, Runnable call, Runnable request) {
        MethodVisitor mv = fc.mv();
        OperandStack stack = fc.stack();
        List<Type> before = stack.slice(0);
        Label requesting = new Label();
        Label done = new Label();
        Label callStart = new Label();
        Label callEnd = new Label();
        Label failed = new Label();
        // The count must come down however the call ends: a trap or an exception leaves through the handler.
        mv.visitTryCatchBlock(callStart, callEnd, failed, null);
        fc.loadContext();
        mv.visitFieldInsn(GETFIELD, CTX, "tailDepth", "I");
        mv.visitLdcInsn(DIRECT_DEPTH);
        mv.visitJumpInsn(IF_ICMPGE, requesting);
        addToDepth(fc, 1);
        mv.visitLabel(callStart);
        call.run();
        mv.visitLabel(callEnd);
        addToDepth(fc, -1);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(failed);
        addToDepth(fc, -1);
        mv.visitInsn(ATHROW);
        mv.visitLabel(requesting);
        List<Type> after = stack.slice(0);
        stack.truncate(0);
        before.forEach(stack::push);
        request.run();
        if (!stack.slice(0).equals(after)) {
            throw new IllegalStateException("a tail call's two ways leave different stacks: " + after + ", "
                    + stack.slice(0));
        }
        mv.visitLabel(done);
        fc.reloadMemory();
    }

    /** Adds {@code delta} to the context's count of tail calls running as plain calls. */
    private static void addToDepth(FunctionCompiler fc, int delta) {
        MethodVisitor mv = fc.mv();
        fc.loadContext();
        mv.visitInsn(DUP);
        mv.visitFieldInsn(GETFIELD, CTX, "tailDepth", "I");
        mv.visitInsn(delta > 0 ? ICONST_1 : ICONST_M1);
        mv.visitInsn(IADD);
        mv.visitFieldInsn(PUTFIELD, CTX, "tailDepth", "I");
    }

    /** Boxes the call's arguments from the stack into a {@code long[]} kept in a scratch local, its slot returned. */
    private static int boxArguments(FunctionCompiler fc, FunctionType ft) {
        List<Type> params = JvmTypes.expand(ft.params());
        CallOps.boxTop(fc, params);
        for (int i = 0; i < params.size(); i++) {
            fc.stack().pop();
        }
        int args = fc.temp(JvmTypes.LONG_ARRAY, TEMP);
        fc.mv().visitVarInsn(ASTORE, args);
        return args;
    }

    /** Zeros of the callee's result types: what the requesting function returns, never read. */
    private static void pushPlaceholders(FunctionCompiler fc, FunctionType ft) {
        for (Type t : JvmTypes.expand(ft.returns())) {
            Ops.pushZero(fc.mv(), t);
            fc.stack().push(t);
        }
    }

    /**
     * After a call that may have ended in a tail-call request, with the call's JVM result on the stack: if a
     * request is pending, replaces that result by the requests' final one.
     */
    static void completeAfterCall(FunctionCompiler fc, FunctionType ft) {
        MethodVisitor mv = fc.mv();
        Type ret = JvmTypes.returnType(ft.returns());
        Label done = new Label();
        fc.loadContext();
        mv.visitFieldInsn(GETFIELD, CTX, "tailFunction", "I");
        mv.visitJumpInsn(IFLT, done);
        if (ret.getSize() > 0) {
            OperandStack.emitPop(mv, ret);
        }
        fc.loadContext();
        mv.visitMethodInsn(INVOKESTATIC, TAIL, "run", "(" + CTX_DESC + ")[J", false);
        if (ret.equals(Type.VOID_TYPE)) {
            mv.visitInsn(POP);
        } else if (!ret.equals(JvmTypes.LONG_ARRAY)) {
            mv.visitInsn(ICONST_0);
            mv.visitInsn(LALOAD);
            JvmTypes.fromLong(mv, ret);
        }
        mv.visitLabel(done);
    }
}
