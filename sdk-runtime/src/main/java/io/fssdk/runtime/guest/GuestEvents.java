package io.fssdk.runtime.guest;

import io.fssdk.api.ErrorCode;
import java.util.Locale;

/**
 * What a {@link GuestSupervisor} tells about its instances: each time one is discarded, and why. Without
 * a meter registry it is {@link #NONE}, which does nothing, so a driver without metrics pays one no-op
 * call per failure and nothing per successful call. {@link GuestMeters} counts them.
 */
public interface GuestEvents {
    /** The cause of a failed heartbeat: the guest reported itself unhealthy. */
    String UNHEALTHY = "unhealthy";
    /** The cause of a call stopped by the per-call deadline. */
    String DEADLINE = "deadline";
    /** The cause of a trap with the guest's memory at the cap. */
    String MEMORY_CAP = "memory-cap";
    /** The cause of an instantiation that failed (its start functions trapped). */
    String INSTANTIATION = "instantiation";
    /** The cause of an ordinary trap, or anything the guest code threw. */
    String TRAP = "trap";

    /** Ignores everything. */
    GuestEvents NONE = cause -> { };

    /**
     * An instance was discarded; the next call starts a fresh one.
     *
     * @param cause one of the constants, or a host failure's error code in lowercase
     */
    void discarded(String cause);

    /** The cause of a failed call, from how it failed. */
    static String cause(boolean timedOut, boolean atMemoryCap, ErrorCode code) {
        if (timedOut) {
            return DEADLINE;
        }
        if (atMemoryCap) {
            return MEMORY_CAP;
        }
        return code == ErrorCode.OPERATOR_FAILED ? TRAP : code.name().toLowerCase(Locale.ROOT);
    }
}
