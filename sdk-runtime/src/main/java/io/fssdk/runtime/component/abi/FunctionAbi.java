package io.fssdk.runtime.component.abi;

import io.fssdk.runtime.component.WitType;
import java.util.ArrayList;
import java.util.List;

/**
 * A component function type compiled for the synchronous canonical ABI: its parameter and result types
 * as {@link AbiType}s, whether parameters and results are flat or spilled to memory
 * ({@code MAX_FLAT_PARAMS} = 16, {@code MAX_FLAT_RESULTS} = 1), and the core signatures of both
 * directions ({@code flatten_functype}). Compile once per function at link time; immutable.
 *
 * @see <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#flattening">
 *     CanonicalABI.md: flattening</a>
 */
public final class FunctionAbi {
    /** The spec's {@code MAX_FLAT_PARAMS}. */
    public static final int MAX_FLAT_PARAMS = 16;
    /** The spec's {@code MAX_FLAT_RESULTS}. */
    public static final int MAX_FLAT_RESULTS = 1;

    private final List<AbiType> params;
    private final List<AbiType> results;
    private final List<CoreType> flatParams;
    private final List<CoreType> flatResults;
    private final RecordAbi paramTuple;
    private final RecordAbi resultTuple;

    private FunctionAbi(List<WitType> params, List<WitType> results) {
        this.params = compileAll(params);
        this.results = compileAll(results);
        this.flatParams = flatten(this.params);
        this.flatResults = flatten(this.results);
        this.paramTuple = flatParams.size() > MAX_FLAT_PARAMS ? tuple(params) : null;
        this.resultTuple = flatResults.size() > MAX_FLAT_RESULTS ? tuple(results) : null;
    }

    /**
     * Compiles a function type.
     *
     * @param params the parameter types, in order
     * @param results the result types: none or one in the current spec; several are treated as a tuple
     */
    public static FunctionAbi of(List<WitType> params, List<WitType> results) {
        return new FunctionAbi(List.copyOf(params), List.copyOf(results));
    }

    /** The parameter types. */
    public List<AbiType> params() {
        return params;
    }

    /** The result types. */
    public List<AbiType> results() {
        return results;
    }

    /** Whether the parameters flatten to more than 16 values and pass through memory instead. */
    public boolean paramsInMemory() {
        return paramTuple != null;
    }

    /** Whether the results flatten to more than one value and pass through memory instead. */
    public boolean resultsInMemory() {
        return resultTuple != null;
    }

    /** The parameters as one tuple, as laid out in memory when spilled; present iff {@link #paramsInMemory()}. */
    RecordAbi paramTuple() {
        return paramTuple;
    }

    /** The results as one tuple, as laid out in memory when spilled; present iff {@link #resultsInMemory()}. */
    RecordAbi resultTuple() {
        return resultTuple;
    }

    /**
     * Core parameters of the function a component exports ({@code canon lift}): the flat parameters, or
     * one {@code i32} pointer when spilled.
     */
    public List<CoreType> liftCoreParams() {
        return paramsInMemory() ? List.of(CoreType.I32) : flatParams;
    }

    /** Core results of an exported ({@code canon lift}) function: the flat result, or an {@code i32} pointer. */
    public List<CoreType> liftCoreResults() {
        return resultsInMemory() ? List.of(CoreType.I32) : flatResults;
    }

    /**
     * Core parameters of the function a component imports ({@code canon lower}): the flat parameters (or
     * one pointer), plus a last {@code i32} return pointer when the results are spilled.
     */
    public List<CoreType> lowerCoreParams() {
        List<CoreType> core = new ArrayList<>(liftCoreParams());
        if (resultsInMemory()) {
            core.add(CoreType.I32);
        }
        return List.copyOf(core);
    }

    /** Core results of an imported ({@code canon lower}) function: the flat result, or none when spilled. */
    public List<CoreType> lowerCoreResults() {
        return resultsInMemory() ? List.of() : flatResults;
    }

    private static List<AbiType> compileAll(List<WitType> types) {
        List<AbiType> out = new ArrayList<>(types.size());
        for (WitType t : types) {
            out.add(AbiType.of(t));
        }
        return List.copyOf(out);
    }

    private static List<CoreType> flatten(List<AbiType> types) {
        List<CoreType> out = new ArrayList<>();
        for (AbiType t : types) {
            out.addAll(t.layout().flat());
        }
        return List.copyOf(out);
    }

    private static RecordAbi tuple(List<WitType> types) {
        return (RecordAbi) AbiType.of(new WitType.TupleType(types));
    }
}
