package io.fssdk.runtime.guest;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
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
    private final Map<String, Integer> counts = new HashMap<>(4);

    /**
     * Counts one more of {@code what} (for example "store handles") against {@code cap}, for limits on
     * what a guest holds that the memory cap does not cover.
     *
     * @throws SdkException {@code LIMIT_EXCEEDED} naming the cap when the instance already holds
     *     {@code cap}
     */
    public void acquire(String what, int cap) {
        int n = counts.getOrDefault(what, 0);
        if (n >= cap) {
            throw new SdkException(ErrorCode.LIMIT_EXCEEDED, "the guest holds " + n + " " + what
                    + ", the cap per instance");
        }
        counts.put(what, n + 1);
    }

    /** Counts one fewer of {@code what}, which the guest released. */
    public void releaseOne(String what) {
        counts.computeIfPresent(what, (k, n) -> n > 1 ? n - 1 : null);
    }

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
