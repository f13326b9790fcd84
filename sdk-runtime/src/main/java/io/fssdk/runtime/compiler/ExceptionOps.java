package io.fssdk.runtime.compiler;

import static org.objectweb.asm.Opcodes.ACONST_NULL;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.ATHROW;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.LLOAD;
import static org.objectweb.asm.Opcodes.LSTORE;
import static org.objectweb.asm.Opcodes.NOP;

import com.dylibso.chicory.runtime.WasmException;
import com.dylibso.chicory.wasm.types.AnnotatedInstruction;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.TagImport;
import com.dylibso.chicory.wasm.types.TagType;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * The exception-handling proposal's instructions. {@code throw} and {@code throw_ref} throw a
 * {@link WasmException} ({@link GuestExceptions}); a {@code try_table} is a JVM exception handler over its body
 * that tries the catch clauses in order and rethrows when none matches.
 *
 * <p>A JVM handler starts with an empty operand stack, while a catch clause branches with the wasm stack below
 * the {@code try_table} intact. So the whole stack is copied to locals where the {@code try_table} starts, and
 * the handler loads the values below it back before it branches.
 */
final class ExceptionOps {
    private static final String EXCEPTIONS = Type.getInternalName(GuestExceptions.class);
    private static final String WASM_EXCEPTION = Type.getInternalName(WasmException.class);
    private static final Type EXCEPTION_TYPE = Type.getType(WasmException.class);
    private static final String CTX = JvmTypes.CONTEXT.getDescriptor();
    /** Catch clause kinds, as the binary numbers them. */
    private static final int CATCH = 0;
    private static final int CATCH_REF = 1;
    private static final int CATCH_ALL_REF = 3;

    /** One catch clause: its kind, its tag (or -1), and its label seen from outside the {@code try_table}. */
    private record Clause(int kind, int tag, int label) {
        boolean tagged() {
            return kind == CATCH || kind == CATCH_REF;
        }

        boolean withRef() {
            return kind == CATCH_REF || kind == CATCH_ALL_REF;
        }
    }

    /** A {@code try_table} being translated: its protected range, its handler, what lay below it. */
    static final class TryTable {
        private final Label start = new Label();
        private final Label bodyEnd = new Label();
        private final Label handler = new Label();
        private final List<Clause> clauses;
        private final List<Type> below;
        private final int[] belowSlots;
        private final int id;

        private TryTable(int id, List<Clause> clauses, List<Type> below, int[] belowSlots) {
            this.id = id;
            this.clauses = clauses;
            this.below = below;
            this.belowSlots = belowSlots;
        }
    }

    private ExceptionOps() {
    }

    /** The scratch local number of the {@code k}-th value saved by {@code try_table} number {@code id}. */
    private static int tempNumber(int id, int k) {
        return 10_000 + 1_000 * id + k;
    }

    /** The catch clauses in a {@code try_table}'s operands: block type, count, then kind, [tag,] label each. */
    static List<int[]> clauses(AnnotatedInstruction ins) {
        List<int[]> out = new ArrayList<>();
        int count = (int) ins.operand(1);
        int at = 2;
        for (int c = 0; c < count; c++) {
            int kind = (int) ins.operand(at++);
            int tag = kind == CATCH || kind == CATCH_REF ? (int) ins.operand(at++) : -1;
            out.add(new int[] {kind, tag, (int) ins.operand(at++)});
        }
        return out;
    }

    /**
     * Starts a {@code try_table} whose block takes {@code params} values: copies the stack to locals (it stays
     * on the JVM stack too) and opens the protected range.
     */
    static TryTable begin(FunctionCompiler fc, AnnotatedInstruction ins, int params, int id) {
        MethodVisitor mv = fc.mv();
        OperandStack stack = fc.stack();
        List<Type> all = stack.slice(0);
        int[] slots = new int[all.size()];
        for (int k = all.size() - 1; k >= 0; k--) {
            slots[k] = fc.temp(all.get(k), tempNumber(id, k));
            mv.visitVarInsn(all.get(k).getOpcode(ISTORE), slots[k]);
        }
        for (int k = 0; k < all.size(); k++) {
            mv.visitVarInsn(all.get(k).getOpcode(ILOAD), slots[k]);
        }
        List<Clause> clauses = new ArrayList<>();
        for (int[] c : clauses(ins)) {
            clauses.add(new Clause(c[0], c[1], c[2]));
        }
        int keep = all.size() - params;
        TryTable t = new TryTable(id, clauses, new ArrayList<>(all.subList(0, keep)),
                java.util.Arrays.copyOf(slots, keep));
        mv.visitLabel(t.start);
        mv.visitInsn(NOP); // the protected range must not be empty, whatever the body holds
        return t;
    }

    /**
     * Ends a {@code try_table} at its {@code end} (its frame already closed): closes the protected range, steps
     * over the handler to {@code after} when the body's end is reachable, and emits the handler. The operand
     * stack model is left as below the {@code try_table}.
     */
    static void end(FunctionCompiler fc, TryTable t, boolean reachable, Label after) {
        MethodVisitor mv = fc.mv();
        OperandStack stack = fc.stack();
        mv.visitLabel(t.bodyEnd);
        // Declared at the end, not the start: the JVM tries a method's handlers in the order declared, and an
        // inner try_table, which ends first, must come before the ones around it.
        mv.visitTryCatchBlock(t.start, t.bodyEnd, t.handler, WASM_EXCEPTION);
        if (reachable) {
            mv.visitJumpInsn(GOTO, after);
        }
        mv.visitLabel(t.handler);
        int ex = fc.temp(EXCEPTION_TYPE, tempNumber(t.id, 999));
        mv.visitVarInsn(ASTORE, ex);
        stack.truncate(0);
        for (Clause c : t.clauses) {
            Label next = new Label();
            if (c.tagged()) {
                fc.loadContext();
                mv.visitVarInsn(ALOAD, ex);
                mv.visitLdcInsn(c.tag);
                mv.visitMethodInsn(INVOKESTATIC, EXCEPTIONS, "matches", "(" + CTX + "L" + WASM_EXCEPTION + ";I)Z",
                        false);
                mv.visitJumpInsn(IFEQ, next);
            }
            for (int k = 0; k < t.below.size(); k++) {
                mv.visitVarInsn(t.below.get(k).getOpcode(ILOAD), t.belowSlots[k]);
                stack.push(t.below.get(k));
            }
            if (c.tagged()) {
                pushValues(fc, ex, FunctionCompiler.types(tagType(fc.layout(), c.tag).params()));
            }
            if (c.withRef()) {
                fc.loadContext();
                mv.visitVarInsn(ALOAD, ex);
                mv.visitMethodInsn(INVOKESTATIC, EXCEPTIONS, "ref", "(" + CTX + "L" + WASM_EXCEPTION + ";)J", false);
                stack.push(JvmTypes.REF);
            }
            fc.branchTo(c.label);
            stack.truncate(0);
            mv.visitLabel(next);
        }
        mv.visitVarInsn(ALOAD, ex);
        mv.visitInsn(ATHROW);
        t.below.forEach(stack::push);
    }

    /** Pushes the values exception {@code ex} carries, of types {@code types}. */
    private static void pushValues(FunctionCompiler fc, int ex, List<Type> types) {
        if (types.isEmpty()) {
            return;
        }
        fc.mv().visitVarInsn(ALOAD, ex);
        fc.mv().visitMethodInsn(INVOKESTATIC, EXCEPTIONS, "values", "(L" + WASM_EXCEPTION + ";)[J", false);
        CallOps.unboxResults(fc, types);
        types.forEach(fc.stack()::push);
    }

    /** {@code throw tag}: the tag's values from the stack into a new exception, thrown. */
    static void throwTag(FunctionCompiler fc, int tag) {
        MethodVisitor mv = fc.mv();
        List<Type> values = FunctionCompiler.types(tagType(fc.layout(), tag).params());
        if (values.isEmpty()) {
            mv.visitInsn(ACONST_NULL);
        } else {
            CallOps.boxTop(fc, values);
            for (int i = 0; i < values.size(); i++) {
                fc.stack().pop();
            }
        }
        int args = fc.temp(JvmTypes.LONG_ARRAY, 1);
        mv.visitVarInsn(ASTORE, args);
        fc.loadContext();
        mv.visitLdcInsn(tag);
        mv.visitVarInsn(ALOAD, args);
        mv.visitMethodInsn(INVOKESTATIC, EXCEPTIONS, "create", "(" + CTX + "I[J)L" + WASM_EXCEPTION + ";", false);
        mv.visitInsn(ATHROW);
    }

    /** {@code throw_ref}: throws the exception the reference on the stack names. */
    static void throwRef(FunctionCompiler fc) {
        MethodVisitor mv = fc.mv();
        fc.stack().pop();
        int ref = fc.temp(JvmTypes.REF, 1);
        mv.visitVarInsn(LSTORE, ref);
        fc.loadContext();
        mv.visitVarInsn(LLOAD, ref);
        mv.visitMethodInsn(INVOKESTATIC, EXCEPTIONS, "byRef", "(" + CTX + "J)L" + WASM_EXCEPTION + ";", false);
        mv.visitInsn(ATHROW);
    }

    /** The type of tag {@code tag}: imported tags come first in the index space, then the module's own. */
    static FunctionType tagType(ModuleLayout layout, int tag) {
        int imported = 0;
        for (int i = 0; i < layout.module.importSection().importCount(); i++) {
            Import imp = layout.module.importSection().getImport(i);
            if (imp instanceof TagImport ti) {
                if (imported++ == tag) {
                    return layout.module.typeSection().getType(ti.tagType().typeIdx());
                }
            }
        }
        TagType own = layout.module.tagSection().orElseThrow().getTag(tag - imported);
        return layout.module.typeSection().getType(own.typeIdx());
    }
}
