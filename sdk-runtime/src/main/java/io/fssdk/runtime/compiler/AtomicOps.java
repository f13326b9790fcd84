package io.fssdk.runtime.compiler;

import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.SWAP;

import com.dylibso.chicory.wasm.types.AnnotatedInstruction;
import com.dylibso.chicory.wasm.types.MemoryImport;
import com.dylibso.chicory.wasm.types.OpCode;
import java.lang.reflect.Method;
import java.util.Map;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * The threads proposal's instructions: each is a call of the {@link GuestAtomics} method of its name with the
 * memory's array, the effective address and its operands; {@code atomic.fence} is nothing, since one instance's
 * code never runs on two threads at once.
 */
final class AtomicOps {
    private static final String ATOMICS = Type.getInternalName(GuestAtomics.class);
    /** Scratch locals for the operands, past the ones other code parks values in. */
    private static final int TEMP = 40;
    private static final Map<OpCode, Method> BY_NAME = Ops.namedAfterOpcodes(GuestAtomics.class);

    private AtomicOps() {
    }

    /** Emits {@code ins} if it is one of the threads proposal's instructions; false otherwise. */
    static boolean emit(FunctionCompiler fc, AnnotatedInstruction ins) {
        OpCode op = ins.opcode();
        if (op == OpCode.ATOMIC_FENCE) {
            return true;
        }
        Method m = BY_NAME.get(op);
        if (m == null) {
            return false;
        }
        MethodVisitor mv = fc.mv();
        OperandStack stack = fc.stack();
        boolean wait = op == OpCode.MEM_ATOMIC_WAIT32 || op == OpCode.MEM_ATOMIC_WAIT64;
        // Parameters: the array, the address, the operands (and, for a wait, whether the memory is shared).
        Class<?>[] params = m.getParameterTypes();
        int operands = params.length - 2 - (wait ? 1 : 0);
        int[] slots = new int[operands];
        for (int k = operands - 1; k >= 0; k--) {
            Type t = stack.pop();
            slots[k] = fc.temp(t, TEMP + k);
            mv.visitVarInsn(t.getOpcode(org.objectweb.asm.Opcodes.ISTORE), slots[k]);
        }
        stack.pop();
        Ops.effectiveAddress(fc, ins);
        fc.pushMemory(Ops.memoryIndex(ins));
        mv.visitInsn(SWAP);
        for (int k = 0; k < operands; k++) {
            mv.visitVarInsn(Type.getType(params[2 + k]).getOpcode(org.objectweb.asm.Opcodes.ILOAD), slots[k]);
        }
        if (wait) {
            mv.visitLdcInsn(sharedMemory(fc.layout()) ? 1 : 0);
        }
        mv.visitMethodInsn(INVOKESTATIC, ATOMICS, m.getName(), Type.getMethodDescriptor(m), false);
        if (m.getReturnType() != void.class) {
            stack.push(Type.getType(m.getReturnType()));
        }
        return true;
    }

    /** Whether memory 0 is declared {@code shared}: a {@code wait} on any other traps. */
    private static boolean sharedMemory(ModuleLayout layout) {
        var memories = layout.module.memorySection();
        if (memories.isPresent() && memories.get().memoryCount() > 0) {
            return memories.get().getMemory(0).limits().shared();
        }
        for (int i = 0; i < layout.module.importSection().importCount(); i++) {
            if (layout.module.importSection().getImport(i) instanceof MemoryImport mi) {
                return mi.limits().shared();
            }
        }
        return false;
    }
}
