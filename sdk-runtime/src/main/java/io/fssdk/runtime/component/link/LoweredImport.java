package io.fssdk.runtime.component.link;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import io.fssdk.runtime.compiler.DirectImport;
import io.fssdk.runtime.component.ComponentException;
import io.fssdk.runtime.component.TrapException;
import io.fssdk.runtime.component.WitType;
import io.fssdk.runtime.component.WitValue;
import io.fssdk.runtime.component.abi.AbiContext;
import io.fssdk.runtime.component.abi.BorrowScope;
import io.fssdk.runtime.component.abi.CanonicalAbi;
import io.fssdk.runtime.component.abi.CoreType;
import io.fssdk.runtime.component.abi.FunctionAbi;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The core function made by {@code canon lower}: when the guest calls it, the arguments are lifted out
 * of the guest's memory, the component function is called, and its result is lowered back in
 * (CanonicalABI.md, "canon lower"). A {@link ComponentFunc.Raw} target skips the value model and gets
 * the core arguments directly, and compiled code calls it as a {@link DirectImport}: its arguments reach the
 * frame without an array, and its result without another.
 */
final class LoweredImport implements WasmFunctionHandle, DirectImport {
    private static final long[] NO_RESULTS = new long[0];

    private final ComponentFunc target;
    private final FunctionAbi abi;
    private final GuestOptions options;
    private final InstanceState caller;
    private final boolean hasCoreResult;
    private final int coreParams;
    private final RawFrameImpl frame;
    /** Whether caller and callee are parent and child (either way round): every call then traps. */
    private final boolean parentChild;

    LoweredImport(ComponentFunc target, GuestOptions options, InstanceState caller) {
        this.target = target;
        this.abi = FunctionAbi.of(target.signature().paramTypes(),
                target.signature().result().map(List::of).orElse(List.<WitType>of()));
        this.options = options;
        this.caller = caller;
        this.hasCoreResult = !abi.lowerCoreResults().isEmpty();
        this.coreParams = abi.lowerCoreParams().size();
        this.parentChild = target instanceof LiftedFunc l && l.state().isAncestorOrDescendantOf(caller);
        this.frame = target instanceof ComponentFunc.Raw ? new RawFrameImpl(target.path(), options.abi(),
                caller.tables, coreParams) : null;
    }

    /** The core signature the guest imports this function with. */
    FunctionType coreType() {
        return FunctionType.of(valTypes(abi.lowerCoreParams()), valTypes(abi.lowerCoreResults()));
    }

    private static List<ValType> valTypes(List<CoreType> types) {
        List<ValType> out = new ArrayList<>(types.size());
        for (CoreType t : types) {
            out.add(t.valType());
        }
        return out;
    }

    /** Whether the guest may call out now; traps if not. */
    private void enter(String path) {
        caller.checkMayLeave(path);
        if (parentChild) {
            // The spec traps here at run time, not at instantiation (test/async/trap-on-reenter.wast).
            throw new TrapException(path, "cannot enter component instance: a component and its parent may not "
                    + "call each other");
        }
    }

    @Override
    public long callDirect(Instance instance, long a0, long a1, long a2, long a3, long a4,
            long a5) {
        if (!(target instanceof ComponentFunc.Raw raw)) {
            // The value model builds lists of values anyway: two small arrays more do not matter there.
            long[] r = apply(instance, DirectImport.arguments(coreParams, a0, a1, a2, a3, a4, a5));
            return r.length == 0 ? 0 : r[0];
        }
        enter(raw.path());
        RawFrameImpl f = frameFor(raw);
        f.begin(coreParams, a0, a1, a2, a3, a4, a5);
        long r = runRaw(raw, f);
        return hasCoreResult ? r : 0;
    }

    @Override
    public long[] apply(Instance instance, long... args) {
        String path = target.path();
        enter(path);
        if (target instanceof ComponentFunc.Raw raw) {
            RawFrameImpl f = frameFor(raw);
            f.begin(args);
            long r = runRaw(raw, f);
            return hasCoreResult ? new long[] {r} : NO_RESULTS;
        }
        AbiContext cx = new AbiContext(path, options.abi(), caller.tables, new BorrowScope());
        try {
            List<WitValue> values = CanonicalAbi.liftParams(abi, cx, args);
            Optional<WitValue> result = target.invoke(values);
            return CanonicalAbi.lowerResults(abi, cx, result.map(List::of).orElse(List.of()), args);
        } catch (ComponentException e) {
            throw e;
        } catch (RuntimeException e) {
            // A result that passed the type check can still fail to lower (e.g. an own handle the host
            // already dropped): the guest is unwound mid-call, so this must trap, not escape.
            throw new TrapException(path, "host function result cannot be passed to the guest: " + e.getMessage(), e);
        }
    }

    /**
     * The frame for a call: the shared one, or a fresh one when a call through it is still running (a raw
     * function may call back into the guest, e.g. realloc, and so re-enter this import).
     */
    private RawFrameImpl frameFor(ComponentFunc.Raw raw) {
        return frame.busy() ? new RawFrameImpl(raw.path(), options.abi(), caller.tables, coreParams) : frame;
    }

    /** Runs the raw function on frame {@code f}, already begun; ends the frame. */
    private long runRaw(ComponentFunc.Raw raw, RawFrameImpl f) {
        try {
            return raw.function().call(f);
        } catch (TrapException e) {
            throw e;
        } catch (Exception e) {
            throw new TrapException(raw.path(), "host function failed: " + e, e);
        } finally {
            f.end();
        }
    }
}
