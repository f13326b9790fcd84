package io.fssdk.runtime.component.validate;

import io.fssdk.runtime.component.binary.CoreFuncType;
import io.fssdk.runtime.component.binary.CoreValType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A resolved function type, Binary.md's {@code functype}, with the core signatures of both directions
 * (CanonicalABI.md's
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#flattening">
 * {@code flatten_functype}</a>, synchronous): parameters flatten to at most 16 values or go through memory as
 * one pointer; the result flattens to at most 1 value or goes through memory.
 */
final class FuncInfo implements TypeInfo {
    /** A named parameter. */
    record Param(String label, ValueInfo type) {
        Param {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(type, "type");
        }
    }

    private final List<Param> params;
    private final Optional<ValueInfo> result;
    private final long size;
    private final boolean hasHandle;
    private final List<CoreValType> flatParams;
    private final List<CoreValType> flatResults;

    FuncInfo(List<Param> params, Optional<ValueInfo> result) {
        this.params = List.copyOf(params);
        this.result = Objects.requireNonNull(result, "result");
        long total = 1;
        boolean handle = false;
        List<CoreValType> flat = new ArrayList<>();
        for (Param p : this.params) {
            total = Entity.sum(total, p.type().size());
            handle |= p.type().hasResources();
            Optional<List<CoreValType>> f = p.type().flat();
            if (flat != null && f.isPresent() && flat.size() + f.get().size() <= CanonLayout.MAX_FLAT_PARAMS) {
                flat.addAll(f.get());
            } else {
                flat = null;
            }
        }
        if (result.isPresent()) {
            total = Entity.sum(total, result.get().size());
            handle |= result.get().hasResources();
        }
        this.size = total;
        this.hasHandle = handle;
        this.flatParams = flat == null ? null : List.copyOf(flat);
        Optional<List<CoreValType>> r = result.isPresent() ? result.get().flat() : Optional.of(List.of());
        this.flatResults = r.isPresent() && r.get().size() <= CanonLayout.MAX_FLAT_RESULTS ? r.get() : null;
    }

    List<Param> params() {
        return params;
    }

    Optional<ValueInfo> result() {
        return result;
    }

    /** This type with every parameter and result type passed through {@code map}; {@code this} if unchanged. */
    FuncInfo map(UnaryOperator<ValueInfo> map) {
        if (!hasHandle) {
            return this;
        }
        boolean changed = false;
        List<Param> mapped = new ArrayList<>(params.size());
        for (Param p : params) {
            ValueInfo t = map.apply(p.type());
            changed |= t != p.type();
            mapped.add(new Param(p.label(), t));
        }
        Optional<ValueInfo> r = result.map(map);
        changed |= r.isPresent() && r.get() != result.get();
        return changed ? new FuncInfo(mapped, r) : this;
    }

    /** Whether the parameters flatten to more than 16 values and are passed through memory. */
    boolean paramsInMemory() {
        return flatParams == null;
    }

    /** Whether the result flattens to more than one value and is passed through memory. */
    boolean resultInMemory() {
        return flatResults == null;
    }

    /** Whether any parameter holds a string or list. */
    boolean paramsAllocate() {
        return params.stream().anyMatch(p -> p.type().allocates());
    }

    /** Whether the result holds a string or list. */
    boolean resultAllocates() {
        return result.isPresent() && result.get().allocates();
    }

    /** The core signature of {@code canon lift}'s callee: {@code flatten_functype(ft, 'lift')}. */
    CoreFuncType liftType() {
        return new CoreFuncType(paramsInMemory() ? List.of(CoreValType.I32) : flatParams,
                resultInMemory() ? List.of(CoreValType.I32) : flatResults);
    }

    /**
     * The core signature {@code canon lower} produces: {@code flatten_functype(ft, 'lower')}, where a
     * result in memory becomes a last {@code i32} out-pointer parameter.
     */
    CoreFuncType lowerType() {
        List<CoreValType> core = new ArrayList<>(paramsInMemory() ? List.of(CoreValType.I32) : flatParams);
        if (resultInMemory()) {
            core.add(CoreValType.I32);
        }
        return new CoreFuncType(core, resultInMemory() ? List.of() : flatResults);
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public boolean hasResources() {
        return hasHandle;
    }

    @Override
    public String describe() {
        return "a func type";
    }
}
