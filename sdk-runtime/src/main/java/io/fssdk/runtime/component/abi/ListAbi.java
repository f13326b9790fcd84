package io.fssdk.runtime.component.abi;

import io.fssdk.runtime.component.WitType;
import java.util.List;

/** {@code list<T>}: a pointer and a length; elements laid out at {@code element().size()} strides. */
public final class ListAbi extends AbiType {
    private final AbiType element;

    ListAbi(WitType wit, AbiType element) {
        super(AbiKind.LIST, wit, 8, 4, List.of(CoreType.I32, CoreType.I32));
        this.element = element;
    }

    /** The element type. */
    public AbiType element() {
        return element;
    }

    /** Whether this is {@code list<u8>}, which is copied in bulk to and from a {@code byte[]}. */
    public boolean isBytes() {
        return element.kind() == AbiKind.U8;
    }
}
