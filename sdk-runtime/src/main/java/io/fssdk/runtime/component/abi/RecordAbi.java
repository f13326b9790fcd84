package io.fssdk.runtime.component.abi;

import io.fssdk.runtime.component.WitType;
import java.util.List;

/** A {@code record} or {@code tuple}: fields at precomputed offsets, flattened in sequence. */
public final class RecordAbi extends AbiType {
    private final AbiType[] fields;
    private final int[] offsets;

    RecordAbi(AbiKind kind, WitType wit, AbiType[] fields, int[] offsets, int size, int align,
            List<CoreType> flat) {
        super(kind, wit, size, align, flat);
        this.fields = fields;
        this.offsets = offsets;
    }

    /** The number of fields. */
    public int fieldCount() {
        return fields.length;
    }

    /** The type of field {@code i}. */
    public AbiType field(int i) {
        return fields[i];
    }

    /** The byte offset of field {@code i} from the start of the record. */
    public int offset(int i) {
        return offsets[i];
    }
}
