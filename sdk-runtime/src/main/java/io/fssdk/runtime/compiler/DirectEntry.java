package io.fssdk.runtime.compiler;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.ChicoryException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.Optional;

/**
 * An unboxed entry into one function of an instance that runs our compiled code: the embedder's hot calls
 * (a component's {@code cabi_realloc} and {@code fs-process}, once or more per record) pass their arguments
 * and take their result as JVM values, through the function's exact method handle, instead of a
 * {@code long[]} each way through Chicory's export wrapper, {@link CompiledMachine#call} and the generated
 * {@link BoxedEntries} switch. Faults are turned into Chicory traps exactly as {@link CompiledMachine#call}
 * does.
 *
 * <p>One difference from an export call: Chicory's export wrapper runs its garbage-collection safe point
 * after each call, which sweeps references of the wasm GC proposal; compiled code creates none, and a later
 * export call still sweeps.
 *
 * <p>There are two shapes, the ones the canonical ABI's hot calls have: {@code (i32, i32, i32, i32) -> i32}
 * ({@code cabi_realloc}) and {@code (i32, i32, i32) -> ()} (a function of a u32 and a {@code list<u8>},
 * {@code fs-process}). Public only for the component linker.
 */
public final class DirectEntry {
    private static final MethodType I4_TO_I = MethodType.methodType(int.class, int.class, int.class, int.class,
            int.class, GuestContext.class);
    private static final MethodType I3_TO_V = MethodType.methodType(void.class, int.class, int.class, int.class,
            GuestContext.class);

    private final CompiledMachine machine;
    private final GuestContext ctx;
    private final MethodHandle handle;

    private DirectEntry(CompiledMachine machine, MethodHandle handle) {
        this.machine = machine;
        this.ctx = machine.context();
        this.handle = handle;
    }

    /**
     * The entry of function {@code funcId} of {@code instance} if it has type {@code (i32, i32, i32, i32) ->
     * i32} and the instance runs compiled code for good (not Chicory's interpreter or compiler, and not an
     * instance still compiling in the background, whose tier may change between calls).
     */
    public static Optional<DirectEntry> i4ToI(Instance instance, int funcId) {
        return find(instance, funcId, I4_TO_I);
    }

    /** As {@link #i4ToI}, for a function of type {@code (i32, i32, i32) -> ()}. */
    public static Optional<DirectEntry> i3ToV(Instance instance, int funcId) {
        return find(instance, funcId, I3_TO_V);
    }

    /** Whether {@code instance} runs our compiled code for good (see {@link #i4ToI}). */
    public static boolean runsCompiled(Instance instance) {
        return instance.getMachine() instanceof CompiledMachine;
    }

    private static Optional<DirectEntry> find(Instance instance, int funcId, MethodType type) {
        if (!(instance.getMachine() instanceof CompiledMachine m)) {
            return Optional.empty();
        }
        LoadedCode code = m.context().code;
        if (funcId < 0 || funcId >= code.functionCount()) {
            return Optional.empty();
        }
        MethodHandle handle = code.direct(funcId);
        return handle.type().equals(type) ? Optional.of(new DirectEntry(m, handle)) : Optional.empty();
    }

    /** Calls a {@code (i32, i32, i32, i32) -> i32} function. */
    public int callI4ToI(int a, int b, int c, int d) throws ChicoryException {
        machine.ensureBound();
        try {
            return (int) handle.invokeExact(a, b, c, d, ctx);
        } catch (Throwable t) {
            throw machine.fault(t);
        }
    }

    /** Calls a {@code (i32, i32, i32) -> ()} function. */
    public void callI3ToV(int a, int b, int c) throws ChicoryException {
        machine.ensureBound();
        try {
            handle.invokeExact(a, b, c, ctx);
        } catch (Throwable t) {
            throw machine.fault(t);
        }
    }
}
