package io.fssdk.runtime.compiler;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.ChicoryException;
import java.lang.invoke.MethodType;
import java.util.Optional;

/**
 * An unboxed entry into one function of an instance that runs our compiled code: the embedder's hot calls
 * (a component's {@code cabi_realloc} and {@code fs-process}, once or more per record) pass their arguments
 * and take their result as JVM values, through an adapter class calling the function's method, instead of a
 * {@code long[]} each way through Chicory's export wrapper, {@link CompiledMachine#call} and the generated
 * {@link BoxedEntries} switch. Faults are turned into Chicory traps exactly as {@link CompiledMachine#call}
 * does.
 *
 * <p>Not offered for a module that declares GC types (structs, arrays): Chicory's export wrapper runs its
 * garbage-collection safe point after each call, which sweeps the objects no global or table holds any more,
 * and these entries, which bypass the wrapper, would let a GC guest called once a record keep every object it
 * ever made. Chicory's safe point is not public, and a sweep inside a nested call would free objects an outer
 * call still holds, so such a module keeps the export wrapper.
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

    /** A function of type {@code (i32, i32, i32, i32) -> i32}; public for the adapters generated per function. */
    public interface I4ToI {
        /** Calls the function. */
        int call(int a, int b, int c, int d, GuestContext ctx);
    }

    /** A function of type {@code (i32, i32, i32) -> ()}; public for the adapters generated per function. */
    public interface I3ToV {
        /** Calls the function. */
        void call(int a, int b, int c, GuestContext ctx);
    }

    private final CompiledMachine machine;
    private final GuestContext ctx;
    private final I4ToI i4ToI;
    private final I3ToV i3ToV;

    private DirectEntry(CompiledMachine machine, I4ToI i4ToI, I3ToV i3ToV) {
        this.machine = machine;
        this.ctx = machine.context();
        this.i4ToI = i4ToI;
        this.i3ToV = i3ToV;
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
        if (!(instance.getMachine() instanceof CompiledMachine m) || m.declaresGcObjects()) {
            return Optional.empty();
        }
        LoadedCode code = m.context().code;
        if (funcId < 0 || funcId >= code.functionCount()) {
            return Optional.empty();
        }
        if (!code.direct(funcId).type().equals(type)) {
            return Optional.empty();
        }
        // Through an adapter class, not the method handle: see LoadedCode.adapter.
        return Optional.of(type == I4_TO_I ? new DirectEntry(m, code.adapter(funcId, I4ToI.class), null)
                : new DirectEntry(m, null, code.adapter(funcId, I3ToV.class)));
    }

    /** Calls a {@code (i32, i32, i32, i32) -> i32} function. */
    public int callI4ToI(int a, int b, int c, int d) throws ChicoryException {
        machine.ensureBound();
        try {
            int result = i4ToI.call(a, b, c, d, ctx);
            return ctx.tailFunction < 0 ? result : (int) GuestTailCalls.run(ctx)[0];
        } catch (Throwable t) {
            throw machine.fault(t);
        }
    }

    /** Calls a {@code (i32, i32, i32) -> ()} function. */
    public void callI3ToV(int a, int b, int c) throws ChicoryException {
        machine.ensureBound();
        try {
            i3ToV.call(a, b, c, ctx);
            if (ctx.tailFunction >= 0) {
                GuestTailCalls.run(ctx);
            }
        } catch (Throwable t) {
            throw machine.fault(t);
        }
    }
}
