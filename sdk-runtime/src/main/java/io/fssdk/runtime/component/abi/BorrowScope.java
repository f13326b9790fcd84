package io.fssdk.runtime.component.abi;

import io.fssdk.runtime.component.TrapException;
import java.util.ArrayList;
import java.util.List;

/**
 * The borrow bookkeeping of one call, merging the spec's {@code Task.num_borrows} (for a call into a guest
 * export: borrow handles lowered into the guest, which it must drop before returning) and
 * {@code Subtask.lenders} (for a guest's call to an import: the guest's handles lent to the callee, which
 * cannot be dropped while lent). Create one per call; {@link #finish()} ends it.
 *
 * @see <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#resource-state">
 *     CanonicalABI.md: resource state</a>
 */
public final class BorrowScope {
    private int borrows;
    private List<HandleEntry> lenders;
    private boolean finished;

    /** Starts the bookkeeping for one call. */
    public BorrowScope() {
    }

    /** Borrow handles lowered into the callee during this call and not yet dropped by it. */
    public int outstandingBorrows() {
        return borrows;
    }

    void borrowLowered() {
        requireOpen();
        borrows++;
    }

    void borrowDropped() {
        borrows--;
    }

    void addLender(HandleEntry entry) {
        requireOpen();
        if (lenders == null) {
            lenders = new ArrayList<>(2);
        }
        entry.lends++;
        lenders.add(entry);
    }

    /**
     * Ends the call: returns every lent handle to its owner, then traps if the callee kept a borrow handle
     * past the end of the call (the spec's {@code trap_if(self.num_borrows > 0)} in {@code Task.return_}).
     * {@link CanonicalAbi#liftResults} and {@link CanonicalAbi#lowerResults} call it; code using the typed
     * fast paths must call it itself.
     */
    public void finish() {
        requireOpen();
        finished = true;
        if (lenders != null) {
            for (HandleEntry e : lenders) {
                e.lends--;
            }
            lenders = null;
        }
        if (borrows > 0) {
            throw new TrapException("", borrows + " borrowed handle(s) not dropped before the call returned");
        }
    }

    /** Whether {@link #finish()} has run (and {@link #reopen()} not since). */
    public boolean isFinished() {
        return finished;
    }

    /**
     * Opens a finished scope again for the next call, so a binding that makes many calls can keep one
     * scope instead of allocating one per call.
     *
     * @throws IllegalStateException if the scope is still open
     */
    public void reopen() {
        if (!finished) {
            throw new IllegalStateException("borrow scope still open");
        }
        finished = false;
        borrows = 0;
        lenders = null;
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("borrow scope already finished");
        }
    }
}
