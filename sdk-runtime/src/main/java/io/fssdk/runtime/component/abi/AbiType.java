package io.fssdk.runtime.component.abi;

import io.fssdk.runtime.component.WitType;
import java.util.List;

/**
 * A {@link WitType} compiled for the canonical ABI: an immutable node that carries its despecialized shape
 * and its precomputed {@link Layout}, so lifting and lowering never recompute layouts or despecialize.
 * Compile a type once (per function signature, at link time) with {@link #of(WitType)} and reuse it for
 * every call.
 *
 * <p>The subclasses are the spec's shapes after despecialization: scalars (incl. {@code string}),
 * handles, lists, records (and tuples), variants (and enums, options, results) and flags.
 *
 * @see <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#despecialization">
 *     CanonicalABI.md: despecialization</a>
 */
public abstract sealed class AbiType permits ScalarAbi, HandleAbi, ListAbi, RecordAbi, VariantAbi, FlagsAbi {
    private final AbiKind kind;
    private final WitType wit;
    private final Layout layout;
    private final int size;
    private final int align;
    private final int flatCount;

    AbiType(AbiKind kind, WitType wit, int size, int align, List<CoreType> flat) {
        this.kind = kind;
        this.wit = wit;
        this.layout = new Layout(size, align, flat);
        this.size = size;
        this.align = align;
        this.flatCount = flat.size();
    }

    /** Compiles a WIT type. The result is immutable and thread-safe. */
    public static AbiType of(WitType type) {
        return AbiCompiler.compile(type);
    }

    /** The WIT case this node was compiled from. */
    public final AbiKind kind() {
        return kind;
    }

    /** The original WIT type. */
    public final WitType wit() {
        return wit;
    }

    /** Size, alignment and flat core types. */
    public final Layout layout() {
        return layout;
    }

    /** The spec's {@code elem_size}. */
    public final int size() {
        return size;
    }

    /** The spec's {@code alignment}. */
    public final int align() {
        return align;
    }

    /** The number of flat core values, {@code len(flatten_type(t))}. */
    public final int flatCount() {
        return flatCount;
    }

    @Override
    public final String toString() {
        return wit.wit();
    }
}
