package io.fssdk.runtime.component.link;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.TableInstance;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.AnnotatedInstruction;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.OpCode;
import io.fssdk.runtime.compiler.DirectEntry;
import io.fssdk.runtime.compiler.DirectImport;
import io.fssdk.runtime.compiler.GuestSupport;
import java.util.List;
import java.util.Optional;

/**
 * An import bound to a shim function, called without running the shim. {@code wit-component} lowers an
 * import that needs the guest's memory or realloc through two helper modules: the main module imports a
 * shim function whose whole body is {@code call_indirect} of a fixed slot of the shim's table, and a fixup
 * module fills that slot with the lowered import once the memory exists. A record's {@code emit} thus
 * crossed four engine boundaries (the shim's export, its {@code call_indirect} into the fixup instance, the
 * fixup's import bridge, the host function), about a quarter of an emit-once {@code fs-process}.
 *
 * <p>This does what the shim body does, at each call: the same bounds, null and structural type checks of
 * the slot with the same errors as our compiler's {@code call_indirect}, then the slot's function. When that
 * is a lowered import of the fixup instance, its host function is called directly; anything else is called
 * through its instance's machine, as the shim would. The table is read on every call, so a slot changed
 * later is honoured. Used only when the shim runs our compiled code, whose {@code call_indirect} errors
 * these are. Compiled callers call it as a {@link DirectImport}, and it calls a lowered import the same way, so
 * an {@code emit} passes its arguments from the guest's code to the host function without an array.
 */
final class ShimBypass implements WasmFunctionHandle, DirectImport {
    private final Instance shim;
    private final TableInstance table;
    private final int slot;
    private final FunctionType expected;
    /** The last (instance, function) found to have the expected type; a function's type never changes. */
    private Instance checkedOwner;
    private int checkedRef = -1;
    /**
     * What that function is: its lowered import, or null for any other function. Also fixed (an instance's
     * imports are), and looking it up on every call (the instance's import list, the function's handle, a
     * type test) was about a tenth of an emit-once {@code fs-process}'s host time.
     */
    private LoweredImport checkedLowered;

    private ShimBypass(Instance shim, TableInstance table, int slot, FunctionType expected) {
        this.shim = shim;
        this.table = table;
        this.slot = slot;
        this.expected = expected;
    }

    /**
     * The bypass of function {@code funcIndex} of {@code shim}, if its body is exactly
     * {@code local.get 0 .. local.get n-1, i32.const slot, call_indirect (type t) (table x)} forwarding all
     * of its parameters to a slot of a function type the same as its own, and {@code shim} runs compiled.
     */
    static Optional<ShimBypass> of(Instance shim, int funcIndex) {
        if (!DirectEntry.runsCompiled(shim)) {
            return Optional.empty();
        }
        WasmModule m = shim.module();
        int imported = m.importSection().count(ExternalType.FUNCTION);
        int local = funcIndex - imported;
        if (local < 0 || local >= m.codeSection().functionBodyCount()) {
            return Optional.empty();
        }
        FunctionType own = shim.type(shim.functionType(funcIndex));
        List<AnnotatedInstruction> code = m.codeSection().getFunctionBody(local).instructions();
        int n = own.params().size();
        if (code.size() != n + 3) {
            return Optional.empty();
        }
        for (int i = 0; i < n; i++) {
            AnnotatedInstruction get = code.get(i);
            if (get.opcode() != OpCode.LOCAL_GET || get.operand(0) != i) {
                return Optional.empty();
            }
        }
        AnnotatedInstruction konst = code.get(n);
        AnnotatedInstruction call = code.get(n + 1);
        if (konst.opcode() != OpCode.I32_CONST || call.opcode() != OpCode.CALL_INDIRECT
                || code.get(n + 2).opcode() != OpCode.END) {
            return Optional.empty();
        }
        FunctionType target = shim.type((int) call.operand(0));
        if (!target.typesMatch(own)) {
            return Optional.empty();
        }
        return Optional.of(new ShimBypass(shim, shim.table((int) call.operand(1)), (int) konst.operand(0), target));
    }

    @Override
    public long[] apply(Instance caller, long... args) {
        Instance owner = target();
        LoweredImport lowered = checkedLowered;
        return lowered != null ? lowered.apply(owner, args) : owner.getMachine().call(checkedRef, args);
    }

    @Override
    public long callDirect(Instance caller, long a0, long a1, long a2, long a3, long a4,
            long a5) {
        Instance owner = target();
        LoweredImport lowered = checkedLowered;
        if (lowered != null) {
            return lowered.callDirect(owner, a0, a1, a2, a3, a4, a5);
        }
        long[] args = DirectImport.arguments(expected.params().size(), a0, a1, a2, a3, a4, a5);
        long[] results = owner.getMachine().call(checkedRef, args);
        return results == null || results.length == 0 ? 0 : results[0];
    }

    /** The lowered import that function {@code ref} of {@code owner} is, or null for any other function. */
    private static LoweredImport loweredAt(Instance owner, int ref) {
        return ref < owner.imports().functionCount()
                && owner.imports().function(ref).handle() instanceof LoweredImport l ? l : null;
    }

    /**
     * The instance whose function the slot holds, after the checks of the shim's {@code call_indirect}; the
     * function's index is then {@link #checkedRef}, and what it is {@link #checkedLowered}.
     */
    private Instance target() {
        // The checks and messages of GuestSupport.indirect, which the shim's call_indirect runs.
        int ref = GuestSupport.tableRef(table, slot);
        Instance owner = table.instance(slot);
        if (owner == null) {
            owner = shim; // an entry without an instance is the shim's own function
        }
        if (owner != checkedOwner || ref != checkedRef) {
            if (!owner.type(owner.functionType(ref)).typesMatch(expected)) {
                throw new ChicoryException("indirect call type mismatch");
            }
            checkedLowered = loweredAt(owner, ref);
            checkedOwner = owner;
            checkedRef = ref;
        }
        return owner;
    }
}
