package io.fssdk.runtime.component.abi;

import io.fssdk.runtime.component.ResourceHandle;
import io.fssdk.runtime.component.ResourceType;

/**
 * One element of a {@link HandleTable}: the spec's {@code ResourceHandle} minus the type (tables are per
 * type). Mutable only in {@code lends}, and only from the owning instance's thread.
 */
final class HandleEntry {
    final ResourceType type;
    final Object rep;
    final boolean own;
    /** The export call that lent this borrow handle to the guest; null for own handles. */
    final BorrowScope scope;
    /** Borrows lent out of this handle to calls still in progress (the spec's {@code num_lends}). */
    int lends;
    /** The borrowed view handed to hosts, made on first use so repeated calls do not allocate. */
    private ResourceHandle view;

    HandleEntry(ResourceType type, Object rep, boolean own, BorrowScope scope) {
        this.type = type;
        this.rep = rep;
        this.own = own;
        this.scope = scope;
    }

    ResourceHandle view(ResourceType type) {
        if (view == null) {
            view = ResourceHandle.borrow(type, rep);
        }
        return view;
    }
}
