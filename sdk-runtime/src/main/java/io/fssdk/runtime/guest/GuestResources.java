package io.fssdk.runtime.guest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The host-side resources one guest instance holds open (for the processor world, its store scans). Host
 * functions register what they open and release it when the guest drops its handle. When the instance
 * is discarded (a trap, a deadline, a failed heartbeat) its handle table and with it the guest's own drop
 * calls are gone, so the supervisor closes whatever is still registered here.
 *
 * <p>Confined to the thread of the supervised driver, like the instance.
 */
public final class GuestResources {
    private final Set<AutoCloseable> open = new HashSet<>();

    /** Registers a resource the instance now holds. */
    public void register(AutoCloseable resource) {
        open.add(resource);
    }

    /** Forgets a resource the guest closed itself. */
    public void release(AutoCloseable resource) {
        open.remove(resource);
    }

    /** How many resources are open. */
    public int size() {
        return open.size();
    }

    /**
     * Closes every registered resource.
     *
     * @param cause the failure that ended the instance, which collects failures to close; or {@code null},
     *     and the first failure is thrown after every resource was attempted
     */
    public void closeAll(RuntimeException cause) {
        RuntimeException failure = cause;
        List<AutoCloseable> all = new ArrayList<>(open);
        open.clear();
        for (AutoCloseable r : all) {
            try {
                r.close();
            } catch (Exception e) {
                RuntimeException re = e instanceof RuntimeException r2 ? r2 : new IllegalStateException(e);
                if (failure == null) {
                    failure = re;
                } else {
                    failure.addSuppressed(re);
                }
            }
        }
        if (cause == null && failure != null) {
            throw failure;
        }
    }
}
