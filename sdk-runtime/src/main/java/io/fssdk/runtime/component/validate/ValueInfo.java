package io.fssdk.runtime.component.validate;

import io.fssdk.runtime.component.binary.CoreValType;
import io.fssdk.runtime.component.binary.PrimValType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A resolved value type, Binary.md's {@code defvaltype} with every index replaced by the node it names, and
 * with the properties validation needs computed once, when the node is built, from its children's: nesting
 * depth, effective size, whether it holds a string or list (and so needs memory), a borrow or any handle,
 * its flattening and its element size ({@link CanonLayout}). Because every compound refers to earlier nodes,
 * this is linear in the number of definitions however much the types share.
 *
 * <p>Parts: a record's or tuple's fields (all present); a variant's cases; an option's {@code [none, some]};
 * a result's {@code [ok, error]}; a list's element. Enums and flags only have a label count. Labels are
 * checked and then dropped: nothing after validation needs them.
 */
final class ValueInfo implements TypeInfo {
    /** The {@code defvaltype} case. */
    enum Kind { PRIM, RECORD, TUPLE, VARIANT, ENUM, OPTION, RESULT, LIST, FLAGS, OWN, BORROW }

    private static final Map<PrimValType, ValueInfo> PRIMS = prims();

    private final Kind kind;
    private final PrimValType prim;
    private final List<Optional<ValueInfo>> parts;
    private final List<String> names;
    private final ResourceInfo resource;
    private final int depth;
    private final long size;
    private final boolean allocates;
    private final boolean hasBorrow;
    private final boolean hasHandle;
    private final List<CoreValType> flat;
    private final long elemSize;
    private final int align;

    private ValueInfo(Kind kind, PrimValType prim, List<Optional<ValueInfo>> parts, List<String> names,
            ResourceInfo resource) {
        this.kind = kind;
        this.prim = prim;
        this.parts = parts;
        this.names = names;
        this.resource = resource;
        int maxDepth = 0;
        long total = 1;
        boolean anyAllocates = prim == PrimValType.STRING || kind == Kind.LIST;
        boolean anyBorrow = kind == Kind.BORROW;
        boolean anyHandle = kind == Kind.OWN || kind == Kind.BORROW;
        for (Optional<ValueInfo> part : parts) {
            if (part.isPresent()) {
                ValueInfo p = part.get();
                maxDepth = Math.max(maxDepth, p.depth);
                total = Entity.sum(total, p.size);
                anyAllocates |= p.allocates;
                anyBorrow |= p.hasBorrow;
                anyHandle |= p.hasHandle;
            }
        }
        this.depth = maxDepth + 1;
        this.size = total;
        this.allocates = anyAllocates;
        this.hasBorrow = anyBorrow;
        this.hasHandle = anyHandle;
        // CanonLayout reads only the fields assigned above and the parts' own, finished, facts.
        this.flat = CanonLayout.flatten(this);
        long[] sizeAlign = CanonLayout.sizeAndAlign(this);
        this.elemSize = sizeAlign[0];
        this.align = (int) sizeAlign[1];
    }

    private static Map<PrimValType, ValueInfo> prims() {
        Map<PrimValType, ValueInfo> m = new EnumMap<>(PrimValType.class);
        for (PrimValType p : PrimValType.values()) {
            m.put(p, new ValueInfo(Kind.PRIM, p, List.of(), List.of(), null));
        }
        return Collections.unmodifiableMap(m);
    }

    static ValueInfo prim(PrimValType p) {
        return PRIMS.get(p);
    }

    /** A record whose fields have no names, for tests of layout only. */
    static ValueInfo record(List<ValueInfo> fields) {
        return record(unnamed("f", fields.size()), fields);
    }

    /** A record with fields {@code names} of types {@code fields}, in order. */
    static ValueInfo record(List<String> names, List<ValueInfo> fields) {
        return new ValueInfo(Kind.RECORD, null, present(fields), List.copyOf(names), null);
    }

    static ValueInfo tuple(List<ValueInfo> types) {
        return new ValueInfo(Kind.TUPLE, null, present(types), List.of(), null);
    }

    /** A variant whose cases have no names, for tests of layout only. */
    static ValueInfo variant(List<Optional<ValueInfo>> cases) {
        return variant(unnamed("c", cases.size()), cases);
    }

    /** A variant with cases {@code names} carrying the optional payloads {@code cases}, in order. */
    static ValueInfo variant(List<String> names, List<Optional<ValueInfo>> cases) {
        return new ValueInfo(Kind.VARIANT, null, List.copyOf(cases), List.copyOf(names), null);
    }

    /** An enum of {@code cases} unnamed cases, for tests of layout only. */
    static ValueInfo enumOf(int cases) {
        return enumOf(unnamed("e", cases));
    }

    static ValueInfo enumOf(List<String> cases) {
        return new ValueInfo(Kind.ENUM, null, List.of(), List.copyOf(cases), null);
    }

    static ValueInfo option(ValueInfo some) {
        return new ValueInfo(Kind.OPTION, null, List.of(Optional.empty(), Optional.of(some)), List.of(), null);
    }

    static ValueInfo result(Optional<ValueInfo> ok, Optional<ValueInfo> error) {
        return new ValueInfo(Kind.RESULT, null, List.of(ok, error), List.of(), null);
    }

    static ValueInfo list(ValueInfo element) {
        return new ValueInfo(Kind.LIST, null, List.of(Optional.of(element)), List.of(), null);
    }

    /** {@code count} unnamed flags, for tests of layout only. */
    static ValueInfo flags(int count) {
        return flags(unnamed("g", count));
    }

    static ValueInfo flags(List<String> labels) {
        return new ValueInfo(Kind.FLAGS, null, List.of(), List.copyOf(labels), null);
    }

    static ValueInfo own(ResourceInfo resource) {
        return new ValueInfo(Kind.OWN, null, List.of(), List.of(), Objects.requireNonNull(resource, "resource"));
    }

    static ValueInfo borrow(ResourceInfo resource) {
        return new ValueInfo(Kind.BORROW, null, List.of(), List.of(),
                Objects.requireNonNull(resource, "resource"));
    }

    private static List<String> unnamed(String prefix, int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(prefix + i);
        }
        return out;
    }

    private static List<Optional<ValueInfo>> present(List<ValueInfo> types) {
        List<Optional<ValueInfo>> out = new ArrayList<>(types.size());
        for (ValueInfo t : types) {
            out.add(Optional.of(t));
        }
        return List.copyOf(out);
    }

    /**
     * This type with every part passed through {@code parts} and the handle's resource through
     * {@code resources}; {@code this} itself when nothing changes, so sharing is kept.
     */
    ValueInfo map(UnaryOperator<ValueInfo> partMap, UnaryOperator<ResourceInfo> resourceMap) {
        if (!hasHandle) {
            return this;
        }
        boolean changed = false;
        List<Optional<ValueInfo>> mapped = new ArrayList<>(parts.size());
        for (Optional<ValueInfo> part : parts) {
            if (part.isPresent()) {
                ValueInfo m = partMap.apply(part.get());
                changed |= m != part.get();
                mapped.add(Optional.of(m));
            } else {
                mapped.add(part);
            }
        }
        ResourceInfo r = resource == null ? null : resourceMap.apply(resource);
        if (!changed && r == resource) {
            return this;
        }
        return new ValueInfo(kind, prim, List.copyOf(mapped), names, r);
    }

    /**
     * The same type as a new node: an import or export of a value type introduces a new type index, and
     * external visibility tells it apart from the index passed in by identity ({@link Visibility}).
     */
    ValueInfo copy() {
        return new ValueInfo(kind, prim, parts, names, resource);
    }

    Kind kind() {
        return kind;
    }

    /** The primitive, for {@link Kind#PRIM}. */
    PrimValType prim() {
        return prim;
    }

    List<Optional<ValueInfo>> parts() {
        return parts;
    }

    /** How many enum cases or flags. */
    int labels() {
        return names.size();
    }

    /** The labels of a record's fields, a variant's cases, an enum's cases or the flags, in order. */
    List<String> names() {
        return names;
    }

    /** The resource of an {@code own} or {@code borrow} handle. */
    Optional<ResourceInfo> resource() {
        return Optional.ofNullable(resource);
    }

    /** Nesting depth: 1 for a primitive or handle. */
    int depth() {
        return depth;
    }

    /** Whether a string or list occurs anywhere inside, so that passing it needs linear memory. */
    boolean allocates() {
        return allocates;
    }

    /** Whether a {@code borrow} occurs anywhere inside. */
    boolean hasBorrow() {
        return hasBorrow;
    }

    /**
     * The spec's {@code flatten_type}, or empty when it has more than
     * {@link CanonLayout#MAX_FLAT_PARAMS} values (then only the count matters: the value goes through memory).
     */
    Optional<List<CoreValType>> flat() {
        return Optional.ofNullable(flat);
    }

    /** {@code elem_size(t, 'i64')}: the validation bound is defined on 64-bit pointers. */
    long elemSize() {
        return elemSize;
    }

    /** {@code alignment(t, 'i64')}. */
    int align() {
        return align;
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
        return "a value type";
    }
}
