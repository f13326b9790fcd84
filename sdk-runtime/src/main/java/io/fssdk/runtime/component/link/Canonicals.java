package io.fssdk.runtime.component.link;

import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import io.fssdk.runtime.component.FuncSignature;
import io.fssdk.runtime.component.InvalidException;
import io.fssdk.runtime.component.ResourceType;
import io.fssdk.runtime.component.PrimitiveType;
import io.fssdk.runtime.component.WitType;
import io.fssdk.runtime.component.abi.CoreType;
import io.fssdk.runtime.component.abi.FunctionAbi;
import io.fssdk.runtime.component.abi.HandleTable;
import io.fssdk.runtime.component.binary.Canon;
import io.fssdk.runtime.component.binary.Sort;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical definitions ({@code canon lift}, {@code canon lower}, {@code resource.new},
 * {@code resource.drop} and {@code resource.rep}), each turned into an item of the scope.
 */
final class Canonicals {
    private static final FunctionType I32_TO_I32 = FunctionType.of(List.of(ValType.I32), List.of(ValType.I32));
    private static final FunctionType I32_TO_NONE = FunctionType.of(List.of(ValType.I32), List.of());
    private static final long[] NONE = new long[0];

    private Canonicals() {
    }

    static void define(Canon canon, Scope scope, String pathPrefix) {
        if (canon instanceof Canon.Lift lift) {
            TypeEntry t = scope.types.get(lift.typeIndex());
            if (!(t instanceof TypeEntry.Func f)) {
                throw new InvalidException("canon lift: type index " + lift.typeIndex() + " is a " + t.describe()
                        + ", not a function type");
            }
            CoreFunc core = Scope.at(scope.coreFuncs, lift.coreFuncIndex(), Sort.CORE_FUNC);
            String path = pathPrefix + "lifted func " + scope.funcs.size();
            LiftedFunc fn = new LiftedFunc(path, f.signature(), new CoreInvoker(core),
                    GuestOptions.resolve(lift.options(), scope), scope.state);
            checkCoreType(path, core.type(), fn.abi().liftCoreParams(), fn.abi().liftCoreResults());
            checkOptions(path, f.signature(), lift.options().memory().isPresent(),
                    lift.options().realloc().isPresent(), true);
            scope.funcs.add(fn);
        } else if (canon instanceof Canon.Lower lower) {
            ComponentFunc target = Scope.at(scope.funcs, lower.funcIndex(), Sort.FUNC);
            checkOptions(target.path(), target.signature(), lower.options().memory().isPresent(),
                    lower.options().realloc().isPresent(), false);
            LoweredImport handle = new LoweredImport(target, GuestOptions.resolve(lower.options(), scope),
                    scope.state);
            scope.coreFuncs.add(new CoreFunc.Host(handle.coreType(), handle, "lowered " + target.path()));
        } else if (canon instanceof Canon.ResourceNew n) {
            HandleTable table = definedTable(scope, n.typeIndex(), "resource.new");
            scope.coreFuncs.add(new CoreFunc.Host(I32_TO_I32,
                    (inst, args) -> new long[] {Integer.toUnsignedLong(table.resourceNew((int) args[0]))},
                    "resource.new " + table.type().name()));
        } else if (canon instanceof Canon.ResourceRep r) {
            HandleTable table = definedTable(scope, r.typeIndex(), "resource.rep");
            scope.coreFuncs.add(new CoreFunc.Host(I32_TO_I32,
                    (inst, args) -> new long[] {Integer.toUnsignedLong(table.resourceRep((int) args[0]))},
                    "resource.rep " + table.type().name()));
        } else if (canon instanceof Canon.ResourceDrop d) {
            ResourceType type = resource(scope, d.typeIndex(), "resource.drop");
            HandleTable table = scope.state.tables.table(type);
            scope.coreFuncs.add(new CoreFunc.Host(I32_TO_NONE, (inst, args) -> {
                table.resourceDrop((int) args[0]);
                return NONE;
            }, "resource.drop " + type.name()));
        }
    }

    private static ResourceType resource(Scope scope, int typeIndex, String what) {
        TypeEntry t = scope.types.get(typeIndex);
        if (t instanceof TypeEntry.Resource r) {
            return r.type();
        }
        throw new InvalidException("canon " + what + ": type index " + typeIndex + " is a " + t.describe()
                + ", not a resource");
    }

    private static HandleTable definedTable(Scope scope, int typeIndex, String what) {
        ResourceType type = resource(scope, typeIndex, what);
        if (!scope.state.tables.defines(type)) {
            throw new InvalidException("canon " + what + ": resource `" + type.name()
                    + "` is not defined by this component");
        }
        return scope.state.tables.table(type);
    }

    /** Checks the core function's signature against the flattened component type. */
    static void checkCoreType(String path, FunctionType actual, List<CoreType> params, List<CoreType> results) {
        FunctionType expected = FunctionType.of(valTypes(params), valTypes(results));
        if (!expected.equals(actual)) {
            throw new InvalidException(path + ": core function has type " + actual
                    + " but the lifted type flattens to " + expected);
        }
    }

    /**
     * Memory is needed by anything that passes through memory; realloc wherever the host must allocate in
     * the guest: the parameters of a lifted function, the results of a lowered one (CanonicalABI.md,
     * validation of {@code canon lift} and {@code canon lower}).
     */
    private static void checkOptions(String path, FuncSignature sig, boolean memory, boolean realloc,
            boolean lifting) {
        FunctionAbi abi = FunctionAbi.of(sig.paramTypes(), sig.result().map(List::of).orElse(List.of()));
        boolean paramsAllocate = abi.paramsInMemory() || sig.paramTypes().stream().anyMatch(Canonicals::allocates);
        boolean resultAllocates = sig.result().map(Canonicals::allocates).orElse(false);
        boolean needsMemory = paramsAllocate || resultAllocates || abi.resultsInMemory();
        if (needsMemory && !memory) {
            throw new InvalidException(path + ": canonical options need `memory` for type " + sig.wit());
        }
        boolean needsRealloc = lifting ? paramsAllocate : resultAllocates;
        if (needsRealloc && !realloc) {
            throw new InvalidException(path + ": canonical options need `realloc` for type " + sig.wit());
        }
    }

    /** Whether a value of this type owns memory in the guest (a string or list somewhere inside). */
    private static boolean allocates(WitType t) {
        if (t == PrimitiveType.STRING || t instanceof WitType.ListType) {
            return true;
        } else if (t instanceof WitType.RecordType r) {
            return r.fields().stream().anyMatch(f -> allocates(f.type()));
        } else if (t instanceof WitType.TupleType tu) {
            return tu.types().stream().anyMatch(Canonicals::allocates);
        } else if (t instanceof WitType.VariantType v) {
            return v.cases().stream().anyMatch(c -> c.type().map(Canonicals::allocates).orElse(false));
        } else if (t instanceof WitType.OptionType o) {
            return allocates(o.type());
        } else if (t instanceof WitType.ResultType r) {
            return r.ok().map(Canonicals::allocates).orElse(false) || r.error().map(Canonicals::allocates).orElse(false);
        }
        return false;
    }

    private static List<ValType> valTypes(List<CoreType> types) {
        List<ValType> out = new ArrayList<>(types.size());
        for (CoreType t : types) {
            out.add(t.valType());
        }
        return out;
    }
}
