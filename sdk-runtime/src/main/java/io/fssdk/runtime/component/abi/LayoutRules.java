package io.fssdk.runtime.component.abi;

import java.util.List;

/**
 * The canonical ABI's layout arithmetic, in one place: the validator ({@code validate.CanonLayout}, which
 * bounds sizes statically) and the run-time ABI ({@link AbiCompiler}) both compute sizes, alignments and
 * flattenings with these rules, so the two can never disagree.
 *
 * @see <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#alignment">
 *     CanonicalABI.md: alignment, element size, flattening</a>
 */
public final class LayoutRules {
    /** The spec's {@code MAX_FLAT_PARAMS}. */
    public static final int MAX_FLAT_PARAMS = 16;
    /** The spec's {@code MAX_FLAT_RESULTS} for synchronous functions. */
    public static final int MAX_FLAT_RESULTS = 1;

    private LayoutRules() {
    }

    /** The byte size of the spec's {@code discriminant_type}: the smallest unsigned integer numbering every case. */
    public static int discriminantSize(int cases) {
        if (cases <= 1 << 8) {
            return 1;
        }
        return cases <= 1 << 16 ? 2 : 4;
    }

    /** The byte size (and alignment) of a {@code flags} type with this many labels. */
    public static int flagsSize(int labels) {
        return labels <= 8 ? 1 : labels <= 16 ? 2 : 4;
    }

    /** The number of i32 values a {@code flags} type flattens to. */
    public static int flagsFlatCount(int labels) {
        return (labels + 31) / 32;
    }

    /** {@code offset} rounded up to a multiple of {@code align}. */
    public static long alignTo(long offset, long align) {
        return (offset + align - 1) / align * align;
    }

    /** {@link #alignTo(long, long)} for the run-time ABI's 32-bit sizes. */
    public static int alignTo(int offset, int align) {
        return (offset + align - 1) / align * align;
    }

    /**
     * {@code flatten_variant}'s payload step: joins the flattening of one more case into {@code joined},
     * position by position, with the spec's {@code join}.
     */
    public static void joinInto(List<CoreType> joined, List<CoreType> caseFlat) {
        for (int j = 0; j < caseFlat.size(); j++) {
            if (j < joined.size()) {
                joined.set(j, CoreType.join(joined.get(j), caseFlat.get(j)));
            } else {
                joined.add(caseFlat.get(j));
            }
        }
    }
}
