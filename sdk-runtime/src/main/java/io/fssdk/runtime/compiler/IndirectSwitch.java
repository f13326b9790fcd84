package io.fssdk.runtime.compiler;

import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.GETSTATIC;
import static org.objectweb.asm.Opcodes.IADD;
import static org.objectweb.asm.Opcodes.IALOAD;
import static org.objectweb.asm.Opcodes.IDIV;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.IRETURN;
import static org.objectweb.asm.Opcodes.POP;
import static org.objectweb.asm.Opcodes.PUTSTATIC;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.V17;

import com.dylibso.chicory.wasm.types.Element;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.OpCode;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * The second half of a {@code call_indirect}: once the table entry is resolved to a function of this instance
 * with the expected signature, a {@code tableswitch} on its case number calls that function's static method.
 *
 * <p>Why: a {@code MethodHandle} looked up per call is no constant to the JIT, so every indirect call ran a
 * lambda form and its customization check, and the target was never inlined. A switch case is a plain static
 * call, which C2 inlines where a call site is hot (QuickJS calls its allocator through function pointers).
 *
 * <p>One class per signature ({@code fssdk/generated/Ind<sig>}), made on first use in the module's class loader
 * and shared by all its classes: a copy per generated class would have multiplied a big guest's class bytes.
 * Its cases are the functions of that signature named by the module's element segments (how functions get into
 * tables), numbered from 1 in a table indexed by function ({@code CASES}), so that finding the case is one
 * array load and one jump, however sparse the indices. Any other function (put in a table through
 * {@code ref.func} from a global, or an export another instance stored) takes the default case, its method
 * handle. Cases beyond what one method holds under HotSpot's JIT limit go to further methods, one
 * {@code tableswitch} choosing among them.
 */
final class IndirectSwitch {
    /** The class name prefix; the signature id follows. */
    static final String PREFIX = "fssdk/generated/Ind";
    static final String METHOD = "call";
    /**
     * Bytecode bytes the cases of one method may take, as {@link #casesPerMethod} estimates them (it overcounts
     * by half: a case of four parameters takes about 15 bytes), so under HotSpot's JIT limit with room to spare.
     * QuickJS's builtins, {@code (i32 i64 i32 i32) -> i64}, are 195 cases: one method, one call.
     */
    static final int METHOD_BYTES = 6_000;
    /** Chars per string constant of the case table: at most 3 bytes each in the class file's encoding. */
    private static final int CONSTANT_CHARS = 20_000;
    private static final String CASES = "CASES";
    private static final String SUPPORT = Type.getInternalName(GuestSupport.class);
    private static final String CTX_DESC = JvmTypes.CONTEXT.getDescriptor();

    private final ModuleLayout layout;
    /** The functions in element segments, by signature id; made on first use. */
    private Map<Integer, int[]> bySignature;

    IndirectSwitch(ModuleLayout layout) {
        this.layout = layout;
    }

    /** The descriptor of {@link #METHOD}: the function's parameters, its index, the context; its results. */
    static String descriptor(FunctionType ft) {
        List<ValType> params = new ArrayList<>(ft.params());
        params.add(ValType.I32);
        return JvmTypes.descriptor(FunctionType.of(params, ft.returns()));
    }

    /** The class file named {@code internalName}, or null when that is no signature's switch in this module. */
    synchronized byte[] classFile(String internalName) {
        if (!internalName.startsWith(PREFIX)) {
            return null;
        }
        int sig;
        try {
            sig = Integer.parseInt(internalName.substring(PREFIX.length()));
        } catch (NumberFormatException e) {
            return null;
        }
        FunctionType ft = layout.typeOfSignature(sig);
        if (ft == null) {
            return null;
        }
        int[] cases = cases(sig);
        // Case numbers are chars; functions past that many (none in any real module) take the default case.
        return generate(internalName, ft, java.util.Arrays.copyOf(cases, Math.min(cases.length, Character.MAX_VALUE)));
    }

    /** The element-segment functions of signature {@code sig}, ascending. */
    int[] cases(int sig) {
        if (bySignature == null) {
            Map<Integer, TreeSet<Integer>> found = new TreeMap<>();
            for (Element e : layout.module.elementSection().elements()) {
                for (List<Instruction> init : e.initializers()) {
                    if (!init.isEmpty() && init.get(0).opcode() == OpCode.REF_FUNC) {
                        long f = init.get(0).operand(0);
                        if (f >= 0 && f < layout.types.length) {
                            found.computeIfAbsent(layout.sigIds[(int) f], k -> new TreeSet<>()).add((int) f);
                        }
                    }
                }
            }
            bySignature = new TreeMap<>();
            found.forEach((s, fs) -> bySignature.put(s, fs.stream().mapToInt(Integer::intValue).toArray()));
        }
        return bySignature.getOrDefault(sig, new int[0]);
    }

    private byte[] generate(String name, FunctionType ft, int[] cases) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                return "java/lang/Object"; // no two reference types merge here; never load classes for it
            }
        };
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, name, null, "java/lang/Object", null);
        cw.visitField(ACC_PRIVATE | ACC_STATIC | ACC_FINAL, CASES, "[I", null, null).visitEnd();
        caseNumbers(cw, name, cases);
        String desc = descriptor(ft);
        int perMethod = casesPerMethod(ft);
        int methods = (cases.length + perMethod - 1) / perMethod;
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, METHOD, desc, null, null);
        mv.visitCode();
        loadCaseNumber(mv, name, ft);
        if (methods <= 1) {
            emitSwitch(mv, ft, cases, 0, cases.length);
        } else {
            // Case k (from 1) is in method METHOD + (k - 1) / perMethod; 0, no case, goes to the default.
            mv.visitLdcInsn(perMethod - 1);
            mv.visitInsn(IADD);
            mv.visitLdcInsn(perMethod);
            mv.visitInsn(IDIV);
            Label other = new Label();
            Label[] parts = new Label[methods];
            for (int c = 0; c < methods; c++) {
                parts[c] = new Label();
            }
            mv.visitTableSwitchInsn(1, methods, other, parts);
            for (int c = 0; c < methods; c++) {
                mv.visitLabel(parts[c]);
                loadArguments(mv, ft, true);
                mv.visitMethodInsn(INVOKESTATIC, name, METHOD + c, desc, false);
                mv.visitInsn(JvmTypes.returnType(ft.returns()).getOpcode(IRETURN));
            }
            mv.visitLabel(other);
            callThroughHandle(mv, ft);
            for (int c = 0; c < methods; c++) {
                MethodVisitor part = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, METHOD + c, desc, null, null);
                part.visitCode();
                loadCaseNumber(part, name, ft);
                emitSwitch(part, ft, cases, c * perMethod, Math.min(cases.length, (c + 1) * perMethod));
                part.visitMaxs(0, 0);
                part.visitEnd();
            }
        }
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** How many cases of signature {@code ft} one method holds: a case loads the arguments, calls, returns. */
    static int casesPerMethod(FunctionType ft) {
        return Math.max(1, METHOD_BYTES / (12 + 3 * ft.params().size()));
    }

    /**
     * {@code <clinit>}: {@code CASES}, each function's case number (from 1; 0 for none) by function index, decoded
     * from string constants of one char per function, each within the class file's 64 KiB constant limit.
     */
    private void caseNumbers(ClassWriter cw, String owner, int[] cases) {
        char[] numbers = new char[layout.types.length];
        for (int i = 0; i < cases.length; i++) {
            numbers[cases[i]] = (char) (i + 1);
        }
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
        mv.visitCode();
        mv.visitLdcInsn("");
        for (int from = 0; from < numbers.length; from += CONSTANT_CHARS) {
            mv.visitLdcInsn(new String(numbers, from, Math.min(CONSTANT_CHARS, numbers.length - from)));
            mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/String", "concat", "(Ljava/lang/String;)Ljava/lang/String;",
                    false);
        }
        mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "charCodes", "(Ljava/lang/String;)[I", false);
        mv.visitFieldInsn(PUTSTATIC, owner, CASES, "[I");
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** Pushes the case number of the function whose index is the method's index argument. */
    private static void loadCaseNumber(MethodVisitor mv, String owner, FunctionType ft) {
        mv.visitFieldInsn(GETSTATIC, owner, CASES, "[I");
        mv.visitVarInsn(ILOAD, indexSlot(ft));
        mv.visitInsn(IALOAD);
    }

    /**
     * With a case number on the stack: a {@code tableswitch} over cases {@code from..to-1} (numbered from + 1 on),
     * a direct call each; the method handle for any other number.
     */
    private void emitSwitch(MethodVisitor mv, FunctionType ft, int[] cases, int from, int to) {
        Type ret = JvmTypes.returnType(ft.returns());
        Label other = new Label();
        Label[] labels = new Label[to - from];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = new Label();
        }
        if (labels.length == 0) {
            mv.visitInsn(POP);
        } else {
            mv.visitTableSwitchInsn(from + 1, to, other, labels);
        }
        for (int i = from; i < to; i++) {
            int f = cases[i];
            mv.visitLabel(labels[i - from]);
            loadArguments(mv, ft, false);
            mv.visitMethodInsn(INVOKESTATIC, layout.owners[f], "f" + f, JvmTypes.descriptor(layout.types[f]), false);
            mv.visitInsn(ret.getOpcode(IRETURN));
        }
        mv.visitLabel(other);
        callThroughHandle(mv, ft);
    }

    /** The default case: the function through its method handle ({@link GuestSupport#direct}). */
    private static void callThroughHandle(MethodVisitor mv, FunctionType ft) {
        mv.visitVarInsn(ALOAD, indexSlot(ft) + 1);
        mv.visitVarInsn(ILOAD, indexSlot(ft));
        mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "direct", "(" + CTX_DESC + "I)Ljava/lang/invoke/MethodHandle;",
                false);
        loadArguments(mv, ft, false);
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/invoke/MethodHandle", "invokeExact", JvmTypes.descriptor(ft),
                false);
        mv.visitInsn(JvmTypes.returnType(ft.returns()).getOpcode(IRETURN));
    }

    /** The function's parameters, then (with {@code withIndex}) the index, then the context. */
    private static void loadArguments(MethodVisitor mv, FunctionType ft, boolean withIndex) {
        int slot = 0;
        for (Type t : JvmTypes.expand(ft.params())) {
            mv.visitVarInsn(t.getOpcode(ILOAD), slot);
            slot += t.getSize();
        }
        if (withIndex) {
            mv.visitVarInsn(ILOAD, slot);
        }
        mv.visitVarInsn(ALOAD, slot + 1);
    }

    private static int indexSlot(FunctionType ft) {
        return JvmTypes.slots(ft.params());
    }
}
