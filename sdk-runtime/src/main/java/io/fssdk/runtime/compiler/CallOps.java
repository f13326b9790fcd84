package io.fssdk.runtime.compiler;

import static org.objectweb.asm.Opcodes.AALOAD;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.DUP2_X2;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.LALOAD;
import static org.objectweb.asm.Opcodes.LASTORE;
import static org.objectweb.asm.Opcodes.NEWARRAY;
import static org.objectweb.asm.Opcodes.POP;
import static org.objectweb.asm.Opcodes.POP2;
import static org.objectweb.asm.Opcodes.SWAP;
import static org.objectweb.asm.Opcodes.T_LONG;

import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * The instructions that leave the function's own code, translated for a {@link FunctionCompiler}: direct and
 * indirect calls, and global access (through the instance's Chicory globals); plus {@code select}, and the
 * boxing of several values into a {@code long[]} (multi-value results) that calls and returns share. Kept apart
 * from {@link FunctionCompiler}, which keeps control flow, locals and region splitting.
 */
final class CallOps {
    private static final String CTX = Type.getInternalName(GuestContext.class);

    private CallOps() {
    }

    /** Replaces the top {@code values.size()} stack values by a {@code long[]} holding them in order. */
    static void boxTop(FunctionCompiler fc, List<Type> values) {
        MethodVisitor mv = fc.mv();
        int n = values.size();
        for (int i = n - 1; i >= 0; i--) {
            mv.visitVarInsn(values.get(i).getOpcode(ISTORE), fc.temp(values.get(i), i));
        }
        mv.visitLdcInsn(n);
        mv.visitIntInsn(NEWARRAY, T_LONG);
        for (int i = 0; i < n; i++) {
            mv.visitInsn(DUP);
            mv.visitLdcInsn(i);
            mv.visitVarInsn(values.get(i).getOpcode(ILOAD), fc.temp(values.get(i), i));
            JvmTypes.toLong(mv, values.get(i));
            mv.visitInsn(LASTORE);
        }
    }

    /** Replaces a {@code long[]} on top of the stack by the values it holds. */
    static void unboxResults(FunctionCompiler fc, List<Type> results) {
        MethodVisitor mv = fc.mv();
        int arr = fc.temp(JvmTypes.LONG_ARRAY, 0);
        mv.visitVarInsn(ASTORE, arr);
        for (int i = 0; i < results.size(); i++) {
            mv.visitVarInsn(ALOAD, arr);
            mv.visitLdcInsn(i);
            mv.visitInsn(LALOAD);
            JvmTypes.fromLong(mv, results.get(i));
        }
    }

    /**
     * Settles the operand stack after a call of type {@code ft}, whose JVM result is on the stack; first, when the
     * call {@code mayTailCall} (end in a tail-call request), runs the requests ({@link TailCalls}).
     */
    static void afterCall(FunctionCompiler fc, FunctionType ft, boolean mayTailCall) {
        if (mayTailCall) {
            TailCalls.completeAfterCall(fc, ft);
        }
        OperandStack stack = fc.stack();
        for (int i = JvmTypes.expand(ft.params()).size(); i > 0; i--) {
            stack.pop();
        }
        List<Type> results = FunctionCompiler.types(ft.returns());
        if (results.size() > 1) {
            unboxResults(fc, results);
        }
        results.forEach(stack::push);
        fc.reloadMemory();
    }

    /** {@code call}: a static call of the target's method. */
    static void call(FunctionCompiler fc, int target) {
        MethodVisitor mv = fc.mv();
        ModuleLayout layout = fc.layout();
        FunctionType ft = layout.types[target];
        fc.loadContext();
        mv.visitMethodInsn(INVOKESTATIC, layout.owners[target], "f" + target, JvmTypes.descriptor(ft), false);
        afterCall(fc, ft, layout.tailCallers.get(target));
    }

    /** {@code call_indirect}: a call of this class's dispatcher for the signature and table. */
    static void callIndirect(FunctionCompiler fc, int typeIdx, int table) {
        callIndirect(fc, typeIdx, table, !fc.layout().tailCallers.isEmpty());
    }

    /**
     * {@code call_indirect}, running the tail calls the callee may have requested if {@code completeTailCalls}
     * (a tail call's own plain call leaves them to its caller: {@link TailCalls}).
     */
    static void callIndirect(FunctionCompiler fc, int typeIdx, int table, boolean completeTailCalls) {
        MethodVisitor mv = fc.mv();
        OperandStack stack = fc.stack();
        ModuleLayout layout = fc.layout();
        stack.pop();
        FunctionType ft = layout.module.typeSection().getType(typeIdx);
        int sig = layout.sigIdOf(ft);
        String name = "ci" + sig + "_" + table + "_" + typeIdx;
        List<ValType> params = new ArrayList<>(ft.params());
        params.add(ValType.I32);
        String desc = JvmTypes.descriptor(FunctionType.of(params, ft.returns()));
        fc.needIndirectDispatcher(name, desc);
        fc.loadContext();
        mv.visitMethodInsn(INVOKESTATIC, fc.className(), name, desc, false);
        afterCall(fc, ft, completeTailCalls);
    }

    /** {@code select}: keeps one of two values by a condition. */
    static void select(FunctionCompiler fc) {
        MethodVisitor mv = fc.mv();
        OperandStack stack = fc.stack();
        stack.pop();
        Type t = stack.pop();
        stack.pop();
        Label takeSecond = new Label();
        Label end = new Label();
        mv.visitJumpInsn(IFEQ, takeSecond);
        OperandStack.emitPop(mv, t);
        mv.visitJumpInsn(GOTO, end);
        mv.visitLabel(takeSecond);
        if (t.getSize() == 2) {
            mv.visitInsn(DUP2_X2);
            mv.visitInsn(POP2);
            mv.visitInsn(POP2);
        } else {
            mv.visitInsn(SWAP);
            mv.visitInsn(POP);
        }
        mv.visitLabel(end);
        stack.push(t);
    }

    private static void loadGlobal(FunctionCompiler fc, int index) {
        MethodVisitor mv = fc.mv();
        fc.loadContext();
        mv.visitFieldInsn(GETFIELD, CTX, "globals", "[Lcom/dylibso/chicory/runtime/GlobalInstance;");
        mv.visitLdcInsn(index);
        mv.visitInsn(AALOAD);
    }

    private static Type globalType(FunctionCompiler fc, int index) {
        return JvmTypes.of(fc.layout().globalTypes.get(index));
    }

    /** {@code global.get}: the global's value from its Chicory object. */
    static void globalGet(FunctionCompiler fc, int index) {
        MethodVisitor mv = fc.mv();
        if (fc.layout().globalTypes.get(index).equals(ValType.V128)) {
            for (String half : new String[] {"getValueLow", "getValueHigh"}) {
                loadGlobal(fc, index);
                mv.visitMethodInsn(INVOKEVIRTUAL, "com/dylibso/chicory/runtime/GlobalInstance", half, "()J", false);
            }
            SimdOps.pushVector(fc.stack());
            return;
        }
        Type t = globalType(fc, index);
        loadGlobal(fc, index);
        mv.visitMethodInsn(INVOKEVIRTUAL, "com/dylibso/chicory/runtime/GlobalInstance", "getValue", "()J", false);
        JvmTypes.fromLong(mv, t);
        fc.stack().push(t);
    }

    /** {@code global.set}. */
    static void globalSet(FunctionCompiler fc, int index) {
        MethodVisitor mv = fc.mv();
        if (fc.layout().globalTypes.get(index).equals(ValType.V128)) {
            for (String half : new String[] {"setValueHigh", "setValueLow"}) {
                int tmp = fc.temp(Type.LONG_TYPE, 0);
                mv.visitVarInsn(org.objectweb.asm.Opcodes.LSTORE, tmp);
                loadGlobal(fc, index);
                mv.visitVarInsn(org.objectweb.asm.Opcodes.LLOAD, tmp);
                mv.visitMethodInsn(INVOKEVIRTUAL, "com/dylibso/chicory/runtime/GlobalInstance", half, "(J)V", false);
            }
            SimdOps.popVectors(fc.stack(), 1);
            return;
        }
        Type t = fc.stack().pop();
        JvmTypes.toLong(mv, t);
        int tmp = fc.temp(Type.LONG_TYPE, 0);
        mv.visitVarInsn(org.objectweb.asm.Opcodes.LSTORE, tmp);
        loadGlobal(fc, index);
        mv.visitVarInsn(org.objectweb.asm.Opcodes.LLOAD, tmp);
        mv.visitMethodInsn(INVOKEVIRTUAL, "com/dylibso/chicory/runtime/GlobalInstance", "setValue", "(J)V", false);
    }
}
