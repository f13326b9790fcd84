package io.fssdk.runtime.component.abi;

import io.fssdk.runtime.component.WitType;
import java.util.Collections;

/**
 * {@code flags}: a packed bit vector of 1, 2 or 4 bytes, or for more than 32 labels one {@code i32} per 32
 * labels. Flat, one {@code i32} per 32 labels.
 */
public final class FlagsAbi extends AbiType {
    private final int labelCount;

    FlagsAbi(WitType wit, int labelCount, int size, int align, int words) {
        super(AbiKind.FLAGS, wit, size, align, Collections.nCopies(words, CoreType.I32));
        this.labelCount = labelCount;
    }

    /** The number of labels. */
    public int labelCount() {
        return labelCount;
    }

    /** The number of 32-bit words in the flat form. */
    public int words() {
        return flatCount();
    }
}
