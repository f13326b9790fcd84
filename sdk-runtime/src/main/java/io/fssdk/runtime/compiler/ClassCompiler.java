package io.fssdk.runtime.compiler;

import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.ACONST_NULL;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ARETURN;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.IFLT;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.IRETURN;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.LALOAD;
import static org.objectweb.asm.Opcodes.LASTORE;
import static org.objectweb.asm.Opcodes.NEWARRAY;
import static org.objectweb.asm.Opcodes.POP;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.T_LONG;
import static org.objectweb.asm.Opcodes.V17;

import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Emits one generated class: for each function it holds, the static method {@code f<i>} (compiled code, or a
 * bridge for an import or an interpreted function) and the boxed entry {@code b<i>(long[], ctx)} through which
 * Chicory's {@code Machine.call} enters; plus the {@code call_indirect} dispatchers its functions use.
 */
final class ClassCompiler {
    private static final String SUPPORT = Type.getInternalName(GuestSupport.class);
    private static final String CTX = Type.getInternalName(GuestContext.class);
    private static final String CTX_DESC = "L" + CTX + ";";
    /** HotSpot's {@code HugeMethodLimit}: with default flags, a larger method is never JIT-compiled. */
    static final int JIT_LIMIT = 8_000;

    private final ModuleLayout layout;
    private final String name;
    private final List<Integer> functions;
    private final Set<Integer> interpreted;
    private int maxMethodSize;
    /** Compiled functions whose largest method is over HotSpot's JIT limit, with that size. */
    final Map<Integer, Integer> overJitLimit = new java.util.TreeMap<>();

    ClassCompiler(ModuleLayout layout, String name, List<Integer> functions, Set<Integer> interpreted) {
        this.layout = layout;
        this.name = name;
        this.functions = functions;
        this.interpreted = interpreted;
    }

    /** The class file. May throw ASM's {@code MethodTooLargeException} naming the method. */
    byte[] compile() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                // Only reached when two different reference types merge; never load classes for it.
                return "java/lang/Object";
            }
        };
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, name, null, "java/lang/Object",
                new String[] {Type.getInternalName(BoxedEntries.class)});
        entriesDispatcher(cw);
        Map<String, String> dispatchers = new LinkedHashMap<>();
        for (int f : functions) {
            if (f < layout.importCount && directlyCallable(layout.types[f])) {
                directImportBridge(cw, f);
            } else if (f < layout.importCount) {
                boxingBridge(cw, f, "callImport");
            } else if (interpreted.contains(f)) {
                boxingBridge(cw, f, "interpret");
            } else {
                FunctionCompiler fc = new FunctionCompiler(layout, f, name, dispatchers);
                fc.compile(cw);
                maxMethodSize = Math.max(maxMethodSize, fc.maxMethodSize());
                if (fc.maxMethodSize() > JIT_LIMIT) {
                    overJitLimit.put(f, fc.maxMethodSize());
                }
            }
            boxedEntry(cw, f);
        }
        for (Map.Entry<String, String> d : dispatchers.entrySet()) {
            indirectDispatcher(cw, d.getKey(), d.getValue());
        }
        cw.visitEnd();
        byte[] out = cw.toByteArray();
        // A debugging aid: -Dfssdk.compiler.dumpDir=DIR writes each generated class there, for javap.
        String dump = System.getProperty("fssdk.compiler.dumpDir");
        if (dump != null) {
            try {
                Files.write(Path.of(dump, name.replace('/', '_') + ".class"), out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** The largest bytecode size of the compiled functions' methods, after {@link #compile()}. */
    int maxMethodSize() {
        return maxMethodSize;
    }

    /** Loads parameters {@code from..to} of a method as a {@code long[]} (the host calling convention). */
    private static void boxParams(MethodVisitor mv, List<ValType> wasmParams, int firstSlot) {
        List<Type> params = JvmTypes.expand(wasmParams);
        mv.visitLdcInsn(params.size());
        mv.visitIntInsn(NEWARRAY, T_LONG);
        int slot = firstSlot;
        for (int i = 0; i < params.size(); i++) {
            Type t = params.get(i);
            mv.visitInsn(DUP);
            mv.visitLdcInsn(i);
            mv.visitVarInsn(t.getOpcode(ILOAD), slot);
            JvmTypes.toLong(mv, t);
            mv.visitInsn(LASTORE);
            slot += t.getSize();
        }
    }

    private static int slotsOf(List<ValType> params) {
        return JvmTypes.slots(params);
    }

    /** Returns a boxed {@code long[]} result on top of the stack as the function's JVM return value. */
    private static void returnUnboxed(MethodVisitor mv, List<ValType> wasmResults) {
        List<Type> results = JvmTypes.expand(wasmResults);
        if (results.isEmpty()) {
            mv.visitInsn(POP);
            mv.visitInsn(RETURN);
        } else if (results.size() == 1) {
            Type t = results.get(0);
            mv.visitLdcInsn(0);
            mv.visitInsn(LALOAD);
            JvmTypes.fromLong(mv, t);
            mv.visitInsn(t.getOpcode(IRETURN));
        } else {
            mv.visitInsn(ARETURN);
        }
    }

    /** Whether an import of type {@code ft} can be called through {@link DirectImport}: few numbers in, one out. */
    static boolean directlyCallable(FunctionType ft) {
        if (ft.params().size() > DirectImport.MAX_PARAMS || ft.returns().size() > 1) {
            return false;
        }
        for (ValType v : ft.params()) {
            if (!isNumber(v)) {
                return false;
            }
        }
        return ft.returns().isEmpty() || isNumber(ft.returns().get(0));
    }

    private static boolean isNumber(ValType v) {
        return v.equals(ValType.I32) || v.equals(ValType.I64) || v.equals(ValType.F32) || v.equals(ValType.F64);
    }

    /**
     * {@code f<i>} for an import {@link #directlyCallable}: its arguments as longs (zeros after the last) to
     * {@link GuestSupport#callImportDirect}, which uses the host's {@link DirectImport} when it has one.
     */
    private void directImportBridge(ClassWriter cw, int f) {
        FunctionType ft = layout.types[f];
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "f" + f, JvmTypes.descriptor(ft), null, null);
        mv.visitCode();
        mv.visitVarInsn(ALOAD, slotsOf(ft.params()));
        mv.visitLdcInsn(f);
        int slot = 0;
        for (ValType v : ft.params()) {
            Type t = JvmTypes.of(v);
            mv.visitVarInsn(t.getOpcode(ILOAD), slot);
            JvmTypes.toLong(mv, t);
            slot += t.getSize();
        }
        for (int i = ft.params().size(); i < DirectImport.MAX_PARAMS; i++) {
            mv.visitInsn(org.objectweb.asm.Opcodes.LCONST_0);
        }
        mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "callImportDirect", "(" + CTX_DESC + "IJJJJJJ)J", false);
        if (ft.returns().isEmpty()) {
            mv.visitInsn(org.objectweb.asm.Opcodes.POP2);
            mv.visitInsn(RETURN);
        } else {
            Type t = JvmTypes.of(ft.returns().get(0));
            JvmTypes.fromLong(mv, t);
            mv.visitInsn(t.getOpcode(IRETURN));
        }
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** {@code f<i>} for an import or an interpreted function: box, call {@code GuestSupport.<helper>}, unbox. */
    private void boxingBridge(ClassWriter cw, int f, String helper) {
        FunctionType ft = layout.types[f];
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "f" + f, JvmTypes.descriptor(ft), null, null);
        mv.visitCode();
        int ctx = slotsOf(ft.params());
        mv.visitVarInsn(ALOAD, ctx);
        mv.visitLdcInsn(f);
        boxParams(mv, ft.params(), 0);
        mv.visitMethodInsn(INVOKESTATIC, SUPPORT, helper, "(" + CTX_DESC + "I[J)[J", false);
        returnUnboxed(mv, ft.returns());
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * A public constructor and {@link BoxedEntries#call}: one {@code lookupswitch} over this class's functions,
     * each case a static call of its boxed entry (about 10 bytes a case, so the method stays JIT-compilable for
     * the few hundred functions a class holds).
     */
    private void entriesDispatcher(ClassWriter cw) {
        MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(org.objectweb.asm.Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "call", "(I[J" + CTX_DESC + ")[J", null, null);
        mv.visitCode();
        int[] keys = functions.stream().mapToInt(Integer::intValue).sorted().toArray();
        Label[] cases = new Label[keys.length];
        for (int i = 0; i < keys.length; i++) {
            cases[i] = new Label();
        }
        Label unknown = new Label();
        mv.visitVarInsn(ILOAD, 1);
        mv.visitLookupSwitchInsn(unknown, keys, cases);
        for (int i = 0; i < keys.length; i++) {
            mv.visitLabel(cases[i]);
            mv.visitVarInsn(ALOAD, 2);
            mv.visitVarInsn(ALOAD, 3);
            mv.visitMethodInsn(INVOKESTATIC, name, "b" + keys[i], "([J" + CTX_DESC + ")[J", false);
            mv.visitInsn(ARETURN);
        }
        mv.visitLabel(unknown);
        mv.visitTypeInsn(org.objectweb.asm.Opcodes.NEW, "java/lang/IllegalArgumentException");
        mv.visitInsn(DUP);
        mv.visitLdcInsn("no such function in " + name);
        mv.visitMethodInsn(org.objectweb.asm.Opcodes.INVOKESPECIAL, "java/lang/IllegalArgumentException", "<init>",
                "(Ljava/lang/String;)V", false);
        mv.visitInsn(org.objectweb.asm.Opcodes.ATHROW);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** {@code b<i>(long[] args, ctx) -> long[]}: the entry Chicory's {@code Machine.call} uses. */
    private void boxedEntry(ClassWriter cw, int f) {
        FunctionType ft = layout.types[f];
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "b" + f, "([J" + CTX_DESC + ")[J", null, null);
        mv.visitCode();
        List<Type> params = JvmTypes.expand(ft.params());
        for (int i = 0; i < params.size(); i++) {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitLdcInsn(i);
            mv.visitInsn(LALOAD);
            JvmTypes.fromLong(mv, params.get(i));
        }
        mv.visitVarInsn(ALOAD, 1);
        mv.visitMethodInsn(INVOKESTATIC, layout.owners[f], "f" + f, JvmTypes.descriptor(ft), false);
        List<Type> results = JvmTypes.expand(ft.returns());
        if (results.isEmpty()) {
            mv.visitInsn(ACONST_NULL);
        } else if (results.size() == 1) {
            Type t = results.get(0);
            JvmTypes.toLong(mv, t);
            mv.visitVarInsn(org.objectweb.asm.Opcodes.LSTORE, 2);
            mv.visitLdcInsn(1);
            mv.visitIntInsn(NEWARRAY, T_LONG);
            mv.visitInsn(DUP);
            mv.visitLdcInsn(0);
            mv.visitVarInsn(org.objectweb.asm.Opcodes.LLOAD, 2);
            mv.visitInsn(LASTORE);
        }
        mv.visitInsn(ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * {@code ci<sig>_<table>_<type>(params..., int elem, ctx)}: resolves the table entry (bounds, null and a
     * structural signature check in {@link GuestSupport#indirect}), then calls a function of this instance
     * through the signature's {@link IndirectSwitch}, or another instance's through that instance's machine.
     */
    private void indirectDispatcher(ClassWriter cw, String method, String desc) {
        String[] parts = method.substring(2).split("_");
        int sig = Integer.parseInt(parts[0]);
        int table = Integer.parseInt(parts[1]);
        int typeIdx = Integer.parseInt(parts[2]);
        FunctionType ft = layout.module.typeSection().getType(typeIdx);
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, method, desc, null, null);
        mv.visitCode();
        int elem = slotsOf(ft.params());
        int ctx = elem + 1;
        int target = ctx + 1;
        mv.visitVarInsn(ALOAD, ctx);
        mv.visitLdcInsn(table);
        mv.visitVarInsn(ILOAD, elem);
        mv.visitLdcInsn(sig);
        mv.visitLdcInsn(typeIdx);
        mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "indirect", "(" + CTX_DESC + "IIII)I", false);
        mv.visitInsn(DUP);
        mv.visitVarInsn(ISTORE, target);
        Label foreign = new Label();
        mv.visitJumpInsn(IFLT, foreign);
        int slot = 0;
        for (Type t : JvmTypes.expand(ft.params())) {
            mv.visitVarInsn(t.getOpcode(ILOAD), slot);
            slot += t.getSize();
        }
        mv.visitVarInsn(ILOAD, target);
        mv.visitVarInsn(ALOAD, ctx);
        mv.visitMethodInsn(INVOKESTATIC, IndirectSwitch.PREFIX + sig, IndirectSwitch.METHOD,
                IndirectSwitch.descriptor(ft), false);
        mv.visitInsn(JvmTypes.returnType(ft.returns()).getOpcode(IRETURN));
        mv.visitLabel(foreign);
        mv.visitVarInsn(ALOAD, ctx);
        boxParams(mv, ft.params(), 0);
        mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "callForeign", "(" + CTX_DESC + "[J)[J", false);
        returnUnboxed(mv, ft.returns());
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }
}
