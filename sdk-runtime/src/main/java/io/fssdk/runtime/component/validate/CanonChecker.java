package io.fssdk.runtime.component.validate;

import io.fssdk.runtime.component.binary.Canon;
import io.fssdk.runtime.component.binary.CanonOptions;
import io.fssdk.runtime.component.binary.CoreFuncType;
import io.fssdk.runtime.component.binary.CoreSort;
import io.fssdk.runtime.component.binary.CoreValType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Validates canonical definitions: CanonicalABI.md's
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#canonical-definitions">
 * Canonical Definitions</a> for {@code lift}, {@code lower} and the three resource built-ins, synchronous only.
 *
 * <p>Options: {@code memory} is required wherever a value crosses through linear memory (a string or list
 * anywhere in a parameter or result, parameters flattening to more than 16 values, a result to more than
 * one); {@code realloc} wherever the host allocates in the guest (the parameters of a lift, the result of a
 * lower) and only together with {@code memory}; {@code post-return} only on a lift. The string encoding is
 * irrelevant here. A core function's signature is checked wherever it is known statically: the lifted
 * callee, {@code realloc} ({@code [i32 i32 i32 i32] -> [i32]}) and {@code post-return} (the lifted results
 * -> []). {@code resource.new} and {@code resource.rep} need a resource this component defines.
 */
final class CanonChecker {
    private static final CoreFuncType REALLOC = new CoreFuncType(
            List.of(CoreValType.I32, CoreValType.I32, CoreValType.I32, CoreValType.I32), List.of(CoreValType.I32));
    private static final CoreFuncType I32_TO_I32 = new CoreFuncType(List.of(CoreValType.I32), List.of(CoreValType.I32));
    private static final CoreFuncType I32_TO_NONE = new CoreFuncType(List.of(CoreValType.I32), List.of());

    private CanonChecker() {
    }

    /** Validates {@code canon} and appends the function it defines to the scope. */
    static void check(Canon canon, Scope scope) {
        if (canon instanceof Canon.Lift lift) {
            TypeInfo t = scope.types.get(lift.typeIndex());
            if (!(t instanceof FuncInfo f)) {
                throw new Invalid("type index " + lift.typeIndex() + " is " + t.describe() + ", not a func type");
            }
            CoreItem callee = scope.core(CoreSort.FUNC).get(lift.coreFuncIndex());
            if (callee.func().isPresent()) {
                callee(callee.func().get(), f.liftType(), lift.coreFuncIndex());
            }
            options(lift.options(), f, true, scope);
            scope.funcs.add(f);
        } else if (canon instanceof Canon.Lower lower) {
            FuncInfo f = scope.funcs.get(lower.funcIndex());
            options(lower.options(), f, false, scope);
            scope.core(CoreSort.FUNC).add(CoreItem.func(f.lowerType()));
        } else if (canon instanceof Canon.ResourceNew n) {
            local(TypeChecker.resource(n.typeIndex(), scope, "resource.new"), n.typeIndex(), scope);
            scope.core(CoreSort.FUNC).add(CoreItem.func(I32_TO_I32));
        } else if (canon instanceof Canon.ResourceRep r) {
            local(TypeChecker.resource(r.typeIndex(), scope, "resource.rep"), r.typeIndex(), scope);
            scope.core(CoreSort.FUNC).add(CoreItem.func(I32_TO_I32));
        } else {
            TypeChecker.resource(((Canon.ResourceDrop) canon).typeIndex(), scope, "resource.drop");
            scope.core(CoreSort.FUNC).add(CoreItem.func(I32_TO_NONE));
        }
    }

    /**
     * Only the component instance that defines a resource may create handles from, or look into, its
     * representation (CanonicalABI.md, {@code canon resource.rep}).
     */
    private static void local(ResourceInfo r, int index, Scope scope) {
        if (!r.isLocalTo(scope)) {
            throw new Invalid("type index " + index + " is not a local resource: only resources defined by this"
                    + " component can be created or have their representation read here");
        }
    }

    private static void options(CanonOptions o, FuncInfo f, boolean lift, Scope scope) {
        if (o.memory().isPresent()) {
            scope.core(CoreSort.MEMORY).get(o.memory().getAsInt());
        }
        if (o.realloc().isPresent()) {
            requireType("realloc", o.realloc().getAsInt(), REALLOC, scope);
            if (o.memory().isEmpty()) {
                throw new Invalid("canonical option `realloc` requires `memory` to also be specified");
            }
        }
        if (o.postReturn().isPresent()) {
            if (!lift) {
                throw new Invalid("canonical option `post-return` cannot be specified for lowerings");
            }
            requireType("post-return", o.postReturn().getAsInt(),
                    new CoreFuncType(f.liftType().results(), List.of()), scope);
        }
        // Lifting, the host writes the parameters into the guest; lowering, it writes the result.
        Optional<String> realloc = lift ? paramsNeed(f) : resultNeeds(f);
        Optional<String> memory = realloc.or(() -> lift ? resultNeeds(f) : paramsNeed(f));
        if (memory.isEmpty() && f.resultInMemory()) {
            memory = Optional.of("the result flattens to more than " + CanonLayout.MAX_FLAT_RESULTS + " value");
        }
        if (memory.isPresent() && o.memory().isEmpty()) {
            throw new Invalid("canonical option `memory` is required: " + memory.get());
        }
        if (realloc.isPresent() && o.realloc().isEmpty()) {
            throw new Invalid("canonical option `realloc` is required: " + realloc.get());
        }
    }

    /** Why the parameters need the host to allocate when lifting (and read memory when lowering), if so. */
    private static Optional<String> paramsNeed(FuncInfo f) {
        if (f.paramsAllocate()) {
            return Optional.of("a parameter holds a string or list");
        }
        if (f.paramsInMemory()) {
            return Optional.of("the parameters flatten to more than " + CanonLayout.MAX_FLAT_PARAMS + " values");
        }
        return Optional.empty();
    }

    /** Why the result needs the host to allocate when lowering (and read memory when lifting), if so. */
    private static Optional<String> resultNeeds(FuncInfo f) {
        return f.resultAllocates() ? Optional.of("the result holds a string or list") : Optional.empty();
    }

    /**
     * The lifted core function must have exactly the flattened type. The message names the two sides as wasm-tools
     * does ("lowered" is the flattening of the component-level type), params first.
     */
    private static void callee(CoreFuncType actual, CoreFuncType expected, int index) {
        if (!actual.equals(expected)) {
            boolean params = !actual.params().equals(expected.params());
            String side = params ? "parameter" : "result";
            throw new Invalid("lowered " + side + " types `" + debug(params ? expected.params() : expected.results())
                    + "` do not match " + side + " types `" + debug(params ? actual.params() : actual.results())
                    + "`: core func " + index + " has type " + CoreTypeChecker.text(actual)
                    + ", but the func type flattens to " + CoreTypeChecker.text(expected));
        }
    }

    /** Value types as wasm-tools' messages list them, e.g. "[I32, I64]". */
    private static String debug(List<CoreValType> types) {
        StringJoiner out = new StringJoiner(", ", "[", "]");
        types.forEach(t -> out.add(t.text().toUpperCase(Locale.ROOT)));
        return out.toString();
    }

    private static void requireType(String option, int index, CoreFuncType expected, Scope scope) {
        CoreItem item = scope.core(CoreSort.FUNC).get(index);
        if (item.func().isPresent() && !item.func().get().equals(expected)) {
            throw new Invalid("canonical option `" + option + "` uses a core function with an incorrect signature:"
                    + " core func " + index + " has type " + CoreTypeChecker.text(item.func().get()) + ", expected "
                    + CoreTypeChecker.text(expected));
        }
    }
}
