package io.fssdk.runtime.component.link;

import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import io.fssdk.runtime.component.InvalidException;
import io.fssdk.runtime.component.ResourceType;
import io.fssdk.runtime.component.abi.CoreType;
import io.fssdk.runtime.component.abi.HandleTable;
import io.fssdk.runtime.component.binary.Canon;
import io.fssdk.runtime.component.binary.Sort;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical definitions ({@code canon lift}, {@code canon lower}, {@code resource.new},
 * {@code resource.drop} and {@code resource.rep}), each turned into an item of the scope. Whether the
 * canonical options fit the function type (memory and realloc where needed) is checked once, at load,
 * by the validation pass; the core signature of a lifted function, which only the instantiated core
 * module knows, is checked here.
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
            scope.funcs.add(fn);
        } else if (canon instanceof Canon.Lower lower) {
            ComponentFunc target = Scope.at(scope.funcs, lower.funcIndex(), Sort.FUNC);
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

    private static List<ValType> valTypes(List<CoreType> types) {
        List<ValType> out = new ArrayList<>(types.size());
        for (CoreType t : types) {
            out.add(t.valType());
        }
        return out;
    }
}
