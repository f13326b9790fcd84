package io.fssdk.runtime.component.validate;

import io.fssdk.runtime.component.abi.CoreType;
import io.fssdk.runtime.component.abi.LayoutRules;
import io.fssdk.runtime.component.binary.CoreValType;
import io.fssdk.runtime.component.binary.PrimValType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The canonical ABI's static facts about one value type, computed from its parts' facts: CanonicalABI.md's
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#flattening">
 * {@code flatten_type}</a> (truncated: only up to {@link #MAX_FLAT_PARAMS} values are kept, beyond which a
 * value goes through memory and only the count matters) and
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#element-size">
 * {@code elem_size} and {@code alignment}</a> with 64-bit pointers, the ones the validation bound on element
 * sizes is defined with. The arithmetic itself is {@link LayoutRules}, which the run-time ABI uses too, so
 * the two agree by construction (and a test checks it).
 */
final class CanonLayout {
    /** The spec's {@code MAX_FLAT_PARAMS}. */
    static final int MAX_FLAT_PARAMS = LayoutRules.MAX_FLAT_PARAMS;
    /** The spec's {@code MAX_FLAT_RESULTS} for synchronous functions. */
    static final int MAX_FLAT_RESULTS = LayoutRules.MAX_FLAT_RESULTS;
    private static final long PTR_SIZE = 8;

    private CanonLayout() {
    }

    /** {@code flatten_type(t)}, or {@code null} when it has more than {@link #MAX_FLAT_PARAMS} values. */
    static List<CoreValType> flatten(ValueInfo t) {
        return switch (t.kind()) {
            case PRIM -> prim(t.prim());
            case LIST -> List.of(CoreValType.I32, CoreValType.I32);
            case OWN, BORROW, ENUM -> List.of(CoreValType.I32);
            // One i32 per 32 flags; the decoder allows at most 32.
            case FLAGS -> Collections.nCopies(LayoutRules.flagsFlatCount(t.labels()), CoreValType.I32);
            case RECORD, TUPLE -> record(t.parts());
            case VARIANT, OPTION, RESULT -> variant(t.parts());
        };
    }

    private static List<CoreValType> prim(PrimValType p) {
        return switch (p) {
            case S64, U64 -> List.of(CoreValType.I64);
            case F32 -> List.of(CoreValType.F32);
            case F64 -> List.of(CoreValType.F64);
            case STRING -> List.of(CoreValType.I32, CoreValType.I32);
            case BOOL, S8, U8, S16, U16, S32, U32, CHAR -> List.of(CoreValType.I32);
        };
    }

    private static List<CoreValType> record(List<Optional<ValueInfo>> fields) {
        List<CoreValType> out = new ArrayList<>();
        for (Optional<ValueInfo> f : fields) {
            Optional<List<CoreValType>> flat = f.orElseThrow().flat();
            if (flat.isEmpty() || out.size() + flat.get().size() > MAX_FLAT_PARAMS) {
                return null;
            }
            out.addAll(flat.get());
        }
        return List.copyOf(out);
    }

    /** {@code flatten_variant}: the discriminant, then each position joined over the cases. */
    private static List<CoreValType> variant(List<Optional<ValueInfo>> cases) {
        List<CoreType> payload = new ArrayList<>();
        for (Optional<ValueInfo> c : cases) {
            if (c.isEmpty()) {
                continue;
            }
            Optional<List<CoreValType>> flat = c.get().flat();
            if (flat.isEmpty() || flat.get().size() + 1 > MAX_FLAT_PARAMS) {
                return null;
            }
            LayoutRules.joinInto(payload, flat.get().stream().map(CanonLayout::abiType).toList());
        }
        List<CoreValType> out = new ArrayList<>(payload.size() + 1);
        out.add(CoreValType.I32);
        payload.forEach(p -> out.add(coreValType(p)));
        return List.copyOf(out);
    }

    /** A component value flattens only to numeric core types, which both enums name alike. */
    private static CoreType abiType(CoreValType t) {
        return CoreType.valueOf(t.name());
    }

    private static CoreValType coreValType(CoreType t) {
        return CoreValType.valueOf(t.name());
    }

    /** {@code {elem_size(t, 'i64'), alignment(t, 'i64')}}. */
    static long[] sizeAndAlign(ValueInfo t) {
        return switch (t.kind()) {
            case PRIM -> primSize(t.prim());
            case LIST -> new long[] {2 * PTR_SIZE, PTR_SIZE};
            case OWN, BORROW -> new long[] {4, 4};
            case FLAGS -> same(LayoutRules.flagsSize(t.labels()));
            case ENUM -> same(LayoutRules.discriminantSize(t.labels()));
            case RECORD, TUPLE -> recordSize(t.parts());
            case VARIANT, OPTION, RESULT -> variantSize(t.parts());
        };
    }

    private static long[] primSize(PrimValType p) {
        return switch (p) {
            case BOOL, S8, U8 -> same(1);
            case S16, U16 -> same(2);
            case S32, U32, F32, CHAR -> same(4);
            case S64, U64, F64 -> same(8);
            case STRING -> new long[] {2 * PTR_SIZE, PTR_SIZE};
        };
    }

    private static long[] same(long bytes) {
        return new long[] {bytes, bytes};
    }

    private static long[] recordSize(List<Optional<ValueInfo>> fields) {
        long s = 0;
        long a = 1;
        for (Optional<ValueInfo> f : fields) {
            ValueInfo t = f.orElseThrow();
            s = Entity.sum(LayoutRules.alignTo(s, t.align()), t.elemSize());
            a = Math.max(a, t.align());
        }
        return new long[] {LayoutRules.alignTo(s, a), a};
    }

    private static long[] variantSize(List<Optional<ValueInfo>> cases) {
        long d = LayoutRules.discriminantSize(cases.size());
        long caseAlign = 1;
        long caseSize = 0;
        for (Optional<ValueInfo> c : cases) {
            if (c.isPresent()) {
                caseAlign = Math.max(caseAlign, c.get().align());
                caseSize = Math.max(caseSize, c.get().elemSize());
            }
        }
        long a = Math.max(d, caseAlign);
        return new long[] {LayoutRules.alignTo(Entity.sum(LayoutRules.alignTo(d, caseAlign), caseSize), a), a};
    }
}
