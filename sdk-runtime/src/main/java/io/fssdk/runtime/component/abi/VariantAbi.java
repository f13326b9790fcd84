package io.fssdk.runtime.component.abi;

import io.fssdk.runtime.component.WitType;
import java.util.List;
import java.util.Optional;

/**
 * A {@code variant}, {@code enum}, {@code option} or {@code result}: a discriminant of 1, 2 or 4 bytes,
 * then the payload at {@link #payloadOffset()}. Flat, it is an {@code i32} discriminant followed by the
 * {@code join} of all cases' flat types.
 */
public final class VariantAbi extends AbiType {
    private final AbiType[] payloads;
    private final int discriminantSize;
    private final int payloadOffset;

    VariantAbi(AbiKind kind, WitType wit, AbiType[] payloads, int discriminantSize, int payloadOffset,
            int size, int align, List<CoreType> flat) {
        super(kind, wit, size, align, flat);
        this.payloads = payloads;
        this.discriminantSize = discriminantSize;
        this.payloadOffset = payloadOffset;
    }

    /** The number of cases. */
    public int caseCount() {
        return payloads.length;
    }

    /** The payload type of case {@code i}, if it has one. */
    public Optional<AbiType> payload(int i) {
        return Optional.ofNullable(payloads[i]);
    }

    /** The payload type of case {@code i}, or null: the allocation-free form for the hot path. */
    AbiType payloadOrNull(int i) {
        return payloads[i];
    }

    /** The discriminant's size in bytes: 1 up to 256 cases, 2 up to 65536, else 4. */
    public int discriminantSize() {
        return discriminantSize;
    }

    /** The payload's byte offset: the discriminant size aligned to the widest case alignment. */
    public int payloadOffset() {
        return payloadOffset;
    }
}
