package io.fssdk.runtime.component.abi;

import io.fssdk.runtime.component.ResourceType;
import io.fssdk.runtime.component.WitType;
import java.util.List;

/** {@code own<R>} or {@code borrow<R>}: an {@code i32} index into the handle table of {@code R}. */
public final class HandleAbi extends AbiType {
    private final ResourceType resource;

    HandleAbi(AbiKind kind, WitType wit, ResourceType resource) {
        super(kind, wit, 4, 4, List.of(CoreType.I32));
        this.resource = resource;
    }

    /** The resource type, compared by identity. */
    public ResourceType resource() {
        return resource;
    }
}
