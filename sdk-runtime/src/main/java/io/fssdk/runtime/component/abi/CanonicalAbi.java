package io.fssdk.runtime.component.abi;

import io.fssdk.runtime.component.TrapException;
import io.fssdk.runtime.component.WitValue;
import io.fssdk.runtime.component.WitValues;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical ABI for whole calls: the spec's {@code lower_flat_values} and {@code lift_flat_values} in
 * both directions, with parameters beyond 16 flat values and results beyond one passed through memory.
 *
 * <p>Calling a guest export ({@code canon lift}): {@link #lowerParams} (spilled parameters go into a block
 * allocated with realloc), call the core function, {@link #liftResults} (a spilled result is read through
 * the returned pointer), then the caller runs {@code post-return} with the core results.
 *
 * <p>A guest calling a host import ({@code canon lower}): {@link #liftParams} (spilled parameters are read
 * through the first core argument), run the host function, {@link #lowerResults} (a spilled result is
 * written through the return pointer, the last core argument, and the core function returns nothing).
 *
 * <p>{@code liftResults} and {@code lowerResults} end the call's {@link BorrowScope}. Host values are
 * checked against their types first ({@link IllegalArgumentException} with a path). Traps raised below
 * (memory, handle tables, realloc) are re-raised with the context's function name.
 *
 * @see <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#lifting-and-lowering-values">
 *     CanonicalABI.md: lifting and lowering values</a>,
 *     <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#canon-lift">canon lift</a>,
 *     <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#canon-lower">canon lower</a>
 */
public final class CanonicalAbi {
    private static final long[] NONE = new long[0];

    private CanonicalAbi() {
    }

    /** Export call, step 1: lowers the host's arguments into core arguments for the guest. */
    public static long[] lowerParams(FunctionAbi f, AbiContext cx, List<WitValue> args) {
        check(f.params(), args, "param ");
        try {
            if (f.paramsInMemory()) {
                RecordAbi tuple = f.paramTuple();
                int ptr = cx.options().allocate(tuple.align(), tuple.size());
                storeAll(cx, tuple, args, ptr);
                return new long[] {Integer.toUnsignedLong(ptr)};
            }
            return lowerAll(cx, f.params(), args, f.liftCoreParams().size());
        } catch (TrapException e) {
            throw named(cx, e);
        }
    }

    /** Export call, step 2: lifts the guest's core results and ends the call's borrow scope. */
    public static List<WitValue> liftResults(FunctionAbi f, AbiContext cx, long[] coreResults) {
        try {
            List<WitValue> out = f.resultsInMemory()
                    ? loadAll(cx, f.resultTuple(), (int) coreResults[0])
                    : liftAll(cx, f.results(), coreResults);
            cx.scope().finish();
            return out;
        } catch (TrapException e) {
            throw named(cx, e);
        }
    }

    /** Import call, step 1: lifts the guest's core arguments into values for the host function. */
    public static List<WitValue> liftParams(FunctionAbi f, AbiContext cx, long[] coreArgs) {
        try {
            return f.paramsInMemory()
                    ? loadAll(cx, f.paramTuple(), (int) coreArgs[0])
                    : liftAll(cx, f.params(), coreArgs);
        } catch (TrapException e) {
            throw named(cx, e);
        }
    }

    /**
     * Import call, step 2: lowers the host function's results into the guest, through the return pointer
     * (the last of {@code coreArgs}) when they are spilled, and ends the call's borrow scope.
     *
     * @return the core results: one value, or none when the results went through the return pointer
     */
    public static long[] lowerResults(FunctionAbi f, AbiContext cx, List<WitValue> results, long[] coreArgs) {
        check(f.results(), results, "result ");
        try {
            long[] out;
            if (f.resultsInMemory()) {
                RecordAbi tuple = f.resultTuple();
                int ptr = (int) coreArgs[coreArgs.length - 1];
                cx.checkAligned(ptr, tuple.align(), "return");
                cx.checkBounds(ptr, tuple.size(), "return area");
                storeAll(cx, tuple, results, ptr);
                out = NONE;
            } else {
                out = lowerAll(cx, f.results(), results, f.lowerCoreResults().size());
            }
            cx.scope().finish();
            return out;
        } catch (TrapException e) {
            throw named(cx, e);
        }
    }

    private static long[] lowerAll(AbiContext cx, List<AbiType> types, List<WitValue> values, int flatCount) {
        long[] flat = flatCount == 0 ? NONE : new long[flatCount];
        FlatCursor out = new FlatCursor(flat);
        for (int i = 0; i < types.size(); i++) {
            Lowerer.lowerFlat(cx, types.get(i), values.get(i), out);
        }
        return flat;
    }

    private static List<WitValue> liftAll(AbiContext cx, List<AbiType> types, long[] flat) {
        FlatCursor in = new FlatCursor(flat);
        List<WitValue> out = new ArrayList<>(types.size());
        for (AbiType t : types) {
            out.add(Lifter.liftFlat(cx, t, in));
        }
        return out;
    }

    private static void storeAll(AbiContext cx, RecordAbi tuple, List<WitValue> values, int ptr) {
        for (int i = 0; i < tuple.fieldCount(); i++) {
            Lowerer.store(cx, tuple.field(i), values.get(i), ptr + tuple.offset(i));
        }
    }

    private static List<WitValue> loadAll(AbiContext cx, RecordAbi tuple, int ptr) {
        cx.checkAligned(ptr, tuple.align(), "spilled tuple");
        cx.checkBounds(ptr, tuple.size(), "spilled tuple");
        List<WitValue> out = new ArrayList<>(tuple.fieldCount());
        for (int i = 0; i < tuple.fieldCount(); i++) {
            out.add(Lifter.load(cx, tuple.field(i), ptr + tuple.offset(i)));
        }
        return out;
    }

    private static void check(List<AbiType> types, List<WitValue> values, String what) {
        if (types.size() != values.size()) {
            throw new IllegalArgumentException("expected " + types.size() + " " + what.trim() + "s, found "
                    + values.size());
        }
        for (int i = 0; i < types.size(); i++) {
            try {
                WitValues.check(values.get(i), types.get(i).wit());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(what + i + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Names a trap raised below the function level (memory, handle tables, realloc, {@link FastAbi}) after
     * {@code function}; a trap that already names a function is returned unchanged.
     */
    public static TrapException named(String function, TrapException e) {
        if (!e.function().isEmpty() || function.isEmpty()) {
            return e;
        }
        return e.isOutOfFuel() ? TrapException.outOfFuel(function, e.reason(), e) : new TrapException(function, e.reason(), e);
    }

    private static TrapException named(AbiContext cx, TrapException e) {
        return named(cx.function(), e);
    }
}
