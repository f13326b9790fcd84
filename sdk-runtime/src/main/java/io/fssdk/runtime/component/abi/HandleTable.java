package io.fssdk.runtime.component.abi;

import io.fssdk.runtime.component.ResourceHandle;
import io.fssdk.runtime.component.ResourceType;
import io.fssdk.runtime.component.TrapException;
import java.util.Arrays;

/**
 * The handles one component instance holds to one resource type: the spec's {@code Table} of
 * {@code ResourceHandle}s, with index 0 reserved, a LIFO free list that reuses holes, and a cap of
 * 2<sup>28</sup>-1 entries. Every misuse traps: index 0 or an unknown index, dropping twice, lifting a
 * borrow as {@code own}, dropping or transferring an {@code own} that has borrows lent out.
 *
 * <p>Divergence: the current spec keeps one {@code handles} table per instance for every resource type
 * (commit a64b04e) and traps when a handle's type is not the expected one. We keep one table per
 * resource type, as the spec did before that commit (2e716b6), so a {@code store} and an
 * {@code iterator} may both be handle 1 at once. A handle of the wrong type therefore indexes the other
 * type's table and traps only if that slot is empty; guests treat handles as opaque, so no conforming
 * guest can tell. Host values of the wrong type are rejected when lowering.
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
    private HandleEntry[] entries = new HandleEntry[8];
    private int length = 1;
    private int[] free = new int[8];
    private int freeCount;
    private int live;

    /** An empty table for {@code type}; index 0 is reserved and never valid. */
    public HandleTable(ResourceType type) {
        this.type = type;
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
        return add(new HandleEntry(rep, true, null));
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
        return add(new HandleEntry(rep, true, null));
    }

    /** Lowers a {@code borrow} into this table for the duration of the call that {@code scope} tracks. */
    public int lowerBorrow(Object rep, BorrowScope scope) {
        scope.borrowLowered();
        return add(new HandleEntry(rep, false, scope));
    }

    private HandleEntry get(int index) {
        if (index <= 0 || index >= length || entries[index] == null) {
            throw trap(index == 0 ? "handle 0 is never valid (resource `" + type.name() + "`)"
                    : "unknown handle " + Integer.toUnsignedString(index) + " for resource `" + type.name() + "`");
        }
        return entries[index];
    }

    private int add(HandleEntry e) {
        int index;
        if (freeCount > 0) {
            index = free[--freeCount];
        } else {
            if (length > MAX_LENGTH) {
                throw trap("handle table for `" + type.name() + "` is full");
            }
            if (length == entries.length) {
                entries = Arrays.copyOf(entries, Math.min(entries.length * 2, MAX_LENGTH + 1));
            }
            index = length++;
        }
        entries[index] = e;
        live++;
        return index;
    }

    private void remove(int index) {
        entries[index] = null;
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, free.length * 2);
        }
        free[freeCount++] = index;
        live--;
    }

    private static TrapException trap(String reason) {
        return new TrapException("", reason);
    }
}
