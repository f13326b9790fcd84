package io.fssdk.runtime.compiler;

import static org.objectweb.asm.Opcodes.POP;
import static org.objectweb.asm.Opcodes.POP2;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * The compile-time model of the wasm operand stack, which is the JVM operand stack of the generated method: it
 * records the JVM type of every value so that drops, selects and branches emit the right instructions.
 */
final class OperandStack {
    private final ArrayList<Type> types = new ArrayList<>();

    void push(Type t) {
        types.add(t);
    }

    Type pop() {
        if (types.isEmpty()) {
            throw new IllegalStateException("operand stack underflow");
        }
        return types.remove(types.size() - 1);
    }

    Type peek(int fromTop) {
        return types.get(types.size() - 1 - fromTop);
    }

    int size() {
        return types.size();
    }

    /** Cuts the model back to {@code height} values (used where control flow resets the stack). */
    void truncate(int height) {
        while (types.size() > height) {
            types.remove(types.size() - 1);
        }
    }

    /** The types from {@code from} (inclusive) to the top. */
    List<Type> slice(int from) {
        return new ArrayList<>(types.subList(from, types.size()));
    }

    static void emitPop(MethodVisitor mv, Type t) {
        mv.visitInsn(t.getSize() == 2 ? POP2 : POP);
    }
}
