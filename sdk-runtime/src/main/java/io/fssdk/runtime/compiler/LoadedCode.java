package io.fssdk.runtime.compiler;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * A compiled module's classes in their own class loader, resolved function by function on first use: the
 * method handle {@code call_indirect} calls and the {@link BoxedEntries} Chicory's machine enters.
 *
 * <p>Why lazily: a big guest is tens of megabytes of class files (StarlingMonkey: 30 MB for 12.6k functions),
 * and defining, verifying and looking up all of it took about a second of a warm start from the code cache,
 * while one record of the counter touches a small part. The JVM already links the generated classes' direct
 * calls to each other lazily; this does the same for the two ways in from outside.
 *
 * <p>Shared by every instance of the module, on any thread. A slot is written once, under this object's
 * lock, with release semantics, and read with acquire semantics, so a thread that sees a handle also sees
 * it whole; a thread that sees none resolves it under the lock (and finds it there if another got first).
 */
final class LoadedCode {
    private static final VarHandle HANDLES = MethodHandles.arrayElementVarHandle(MethodHandle[].class);
    private static final VarHandle ENTRIES = MethodHandles.arrayElementVarHandle(BoxedEntries[].class);

    private final ModuleLayout layout;
    private final GeneratedLoader loader;
    private final MethodHandle[] direct;
    private final BoxedEntries[] entries;
    /** Entry adapters made so far, by function; guarded by this. */
    private final Map<Integer, Object> adapters = new HashMap<>();
    /** Each loaded class's one {@link BoxedEntries} instance; guarded by this. */
    private final Map<String, BoxedEntries> byClass = new HashMap<>();

    LoadedCode(ModuleLayout layout, GeneratedLoader loader) {
        this.layout = layout;
        this.loader = loader;
        this.direct = new MethodHandle[layout.types.length];
        this.entries = new BoxedEntries[layout.types.length];
    }

    /** The number of functions, imports included. */
    int functionCount() {
        return direct.length;
    }

    /** Function {@code f}'s static method, typed as {@link JvmTypes#descriptor} says. */
    MethodHandle direct(int f) {
        MethodHandle h = (MethodHandle) HANDLES.getAcquire(direct, f);
        if (h == null) {
            resolve(f);
            h = direct[f]; // written by this thread, just now or before
        }
        return h;
    }

    /**
     * An object implementing {@code iface}, whose one method calls function {@code f}'s static method: a class
     * generated here, in the module's loader, once per function. The embedder's hot calls go through it rather
     * than through {@link #direct}'s method handle, which, held in a field, is no constant to the JIT: each
     * {@code invokeExact} then ran through a lambda form and its customization check (about 12 ns a call).
     * An interface call is inlined where one guest is called, and a plain virtual dispatch elsewhere.
     *
     * @throws IllegalArgumentException if {@code iface}'s method does not have the function's signature
     */
    synchronized <T> T adapter(int f, Class<T> iface) {
        Object a = adapters.get(f);
        if (a == null) {
            direct(f); // the function's class loads as for any other way in
            java.lang.reflect.Method m = iface.getMethods()[0];
            String desc = JvmTypes.descriptor(layout.types[f]);
            if (iface.getMethods().length != 1 || !Type.getMethodDescriptor(m).equals(desc)) {
                throw new IllegalArgumentException(layout.describe(f) + " has no " + iface.getSimpleName() + " shape");
            }
            String name = "fssdk/generated/Entry" + f;
            ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
            cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name, null,
                    "java/lang/Object", new String[] {Type.getInternalName(iface)});
            MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
            init.visitCode();
            init.visitVarInsn(Opcodes.ALOAD, 0);
            init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
            init.visitInsn(Opcodes.RETURN);
            init.visitMaxs(0, 0);
            init.visitEnd();
            MethodVisitor call = cw.visitMethod(Opcodes.ACC_PUBLIC, m.getName(), desc, null, null);
            call.visitCode();
            int slot = 1;
            for (Type t : Type.getArgumentTypes(desc)) {
                call.visitVarInsn(t.getOpcode(Opcodes.ILOAD), slot);
                slot += t.getSize();
            }
            call.visitMethodInsn(Opcodes.INVOKESTATIC, layout.owners[f], "f" + f, desc, false);
            call.visitInsn(Type.getReturnType(desc).getOpcode(Opcodes.IRETURN));
            call.visitMaxs(0, 0);
            call.visitEnd();
            cw.visitEnd();
            try {
                a = loader.defineExtra(name.replace('/', '.'), cw.toByteArray()).getConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new IllegalStateException("entry adapter for " + layout.describe(f) + " failed to load: " + e, e);
            }
            adapters.put(f, a);
        }
        return iface.cast(a);
    }

    /** The boxed entry of the class holding function {@code f}. */
    BoxedEntries entry(int f) {
        BoxedEntries e = (BoxedEntries) ENTRIES.getAcquire(entries, f);
        if (e == null) {
            resolve(f);
            e = entries[f];
        }
        return e;
    }

    /** Both ways into function {@code f}, loading its class first if need be. */
    private synchronized void resolve(int f) {
        if (direct[f] == null) {
            MethodHandle h;
            BoxedEntries e;
            String owner = layout.owners[f];
            try {
                Class<?> c = Class.forName(owner.replace('/', '.'), true, loader);
                e = byClass.get(owner);
                if (e == null) {
                    e = (BoxedEntries) c.getConstructor().newInstance();
                    byClass.put(owner, e);
                }
                h = MethodHandles.publicLookup().findStatic(c, "f" + f,
                        MethodType.fromMethodDescriptorString(JvmTypes.descriptor(layout.types[f]), loader));
            } catch (ReflectiveOperationException | LinkageError | ClassCastException ex) {
                // Only a code-cache entry that decodes but is not this module's code gets here (the cache's
                // checksum and key rule out damage and other compilers' code); the call fails, not the host.
                throw new IllegalStateException("generated code for " + layout.describe(f) + " failed to load: "
                        + ex, ex);
            }
            ENTRIES.setRelease(entries, f, e);
            HANDLES.setRelease(direct, f, h);
        }
    }
}
