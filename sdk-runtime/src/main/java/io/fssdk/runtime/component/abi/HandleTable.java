package io.fssdk.runtime.component.abi;

import io.fssdk.runtime.component.ResourceHandle;
import io.fssdk.runtime.component.ResourceType;
import io.fssdk.runtime.component.TrapException;

/**
 * The handles one component instance holds to one resource type: a typed view of the instance's single
 * handle table (the spec's {@code ComponentInstance.handles}), with index 0 reserved, a LIFO free list that
 * reuses holes, and a cap of 2<sup>28</sup>-1 entries. Every misuse traps: index 0 or an unknown index, a
 * handle of another resource type, dropping twice, lifting a borrow as {@code own}, dropping or
 * transferring an {@code own} that has borrows lent out.
 *
 * <p>All resource types of an instance share one index space, as in the spec since commit a64b04e: a
 * {@code store} and an {@code iterator} are never both handle 1, and a handle used at the wrong type traps.
 *
 * @see <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#table-state">
 *     CanonicalABI.md: table state</a>,
 *     <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#canon-resourcedrop">
 *     canon resource.drop</a>
 */
public final class HandleTable {
    /** The spec's {@code Table.MAX_LENGTH}: the top 4 bits of a handle stay free for guests. */
    public static final int MAX_LENGTH = (1 << 28) - 1;

    private final ResourceType type;
    private final HandleSlots slots;
    private int live;

    /** An empty table for {@code type}; index 0 is reserved and never valid. */
    public HandleTable(ResourceType type) {
        this(type, new HandleSlots());
    }

    /**
     * A view of {@code type}'s handles in an index space shared with the instance's other resource types,
     * as the spec has one handle table per component instance (definitions.py, {@code ComponentInstance.handles}).
     */
    HandleTable(ResourceType type, HandleSlots slots) {
        this.type = type;
        this.slots = slots;
    }

    /** The resource type of every handle in this table. */
    public ResourceType type() {
        return type;
    }

    /** The number of live handles. */
    public int liveCount() {
        return live;
    }

    /** {@code canon resource.new}: adds an owning handle for a guest representation. */
    public int resourceNew(int rep) {
        return add(new HandleEntry(type, rep, true, null));
    }

    /** {@code canon resource.rep}: the guest representation behind a handle; the table is not changed. */
    public int resourceRep(int index) {
        Object rep = get(index).rep;
        if (!(rep instanceof Integer)) {
            throw trap("resource.rep of host-defined resource `" + type.name() + "`");
        }
        return (Integer) rep;
    }

    /**
     * {@code canon resource.drop}: removes a handle. Dropping an {@code own} runs the type's destructor
     * (the guest's {@code dtor}, or the host's); dropping a {@code borrow} ends that borrow.
     */
    public void resourceDrop(int index) {
        HandleEntry e = get(index);
        if (e.lends != 0) {
            throw trap("cannot drop handle " + index + " of `" + type.name() + "` while it is lent to " + e.lends
                    + " call(s)");
        }
        remove(index);
        if (e.own) {
            type.destroy(e.rep);
        } else {
            e.scope.borrowDropped();
        }
    }

    /** Lifts an {@code own}: removes the handle and transfers ownership to a fresh host handle. */
    public ResourceHandle liftOwn(int index) {
        HandleEntry e = get(index);
        if (!e.own) {
            throw trap("handle " + index + " of `" + type.name() + "` is a borrow, not an own handle");
        }
        if (e.lends != 0) {
            throw trap("cannot transfer handle " + index + " of `" + type.name() + "` while it is lent to "
                    + e.lends + " call(s)");
        }
        remove(index);
        return ResourceHandle.own(type, e.rep);
    }

    /** Lifts a {@code borrow}: the handle stays, lent to {@code scope} until it finishes. */
    public ResourceHandle liftBorrow(int index, BorrowScope scope) {
        HandleEntry e = get(index);
        scope.addLender(e);
        return e.view(type);
    }

    /** Like {@link #liftBorrow} but returns the representation itself: the allocation-free fast path. */
    public Object borrowRep(int index, BorrowScope scope) {
        HandleEntry e = get(index);
        scope.addLender(e);
        return e.rep;
    }

    /** Lowers an {@code own}: adds an owning handle for a representation the caller gave up. */
    public int lowerOwn(Object rep) {
        return add(new HandleEntry(type, rep, true, null));
    }

    /** Lowers a {@code borrow} into this table for the duration of the call that {@code scope} tracks. */
    public int lowerBorrow(Object rep, BorrowScope scope) {
        scope.borrowLowered();
        return add(new HandleEntry(type, rep, false, scope));
    }

    private HandleEntry get(int index) {
        HandleEntry e = slots.get(index);
        if (e == null) {
            throw trap(index == 0 ? "handle 0 is never valid (resource `" + type.name() + "`)"
                    : "unknown handle " + Integer.toUnsignedString(index) + " for resource `" + type.name() + "`");
        }
        if (e.type != type) {
            throw trap("handle " + Integer.toUnsignedString(index) + " is a `" + e.type.name() + "`, not a `"
                    + type.name() + "`");
        }
        return e;
    }

    private int add(HandleEntry e) {
        int index = slots.add(e);
        if (index < 0) {
            throw trap("handle table is full (resource `" + type.name() + "`)");
        }
        live++;
        return index;
    }

    private void remove(int index) {
        slots.remove(index);
        live--;
    }

    private static TrapException trap(String reason) {
        return new TrapException("", reason);
    }
}
