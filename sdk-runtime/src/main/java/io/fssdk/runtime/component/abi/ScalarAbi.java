package io.fssdk.runtime.component.abi;

import io.fssdk.runtime.component.PrimitiveType;
import java.util.List;

/** A primitive type: {@code bool}, integers, floats, {@code char} or {@code string} (a pointer and length). */
public final class ScalarAbi extends AbiType {
    ScalarAbi(AbiKind kind, PrimitiveType wit, int size, int align, List<CoreType> flat) {
        super(kind, wit, size, align, flat);
    }
}
