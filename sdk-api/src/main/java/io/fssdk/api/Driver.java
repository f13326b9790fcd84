package io.fssdk.api;

import java.util.List;
import java.util.Map;

/**
 * A stream operator. Implement the steps you need; every default behaves like Function Stream's Go
 * {@code BaseDriver} (do nothing, report healthy, echo the custom payload).
 *
 * <p><b>Lifecycle.</b> A runner calls {@link #init} exactly once, first; then {@link #process},
 * {@link #processWatermark}, {@link #takeCheckpoint}, {@link #checkHeartbeat}, {@link #exec} and
 * {@link #custom} in any order, from one thread at a time; then {@link #close} exactly once. Nothing is
 * called after {@code close}.
 *
 * <p><b>Failures.</b> A step may throw any exception. The runner wraps it in an {@link SdkException}
 * with {@link ErrorCode#OPERATOR_FAILED} naming the operator and the step, unless it already is an
 * {@code SdkException}, which keeps its code and gains the operator and step.
 *
 * <p><b>Integers.</b> WIT {@code u32} arguments arrive as {@code int} and {@code u64} as {@code long},
 * bit for bit.
 */
public interface Driver {
    /**
     * Called once, before anything else. Open stores here.
     *
     * @param config the operator's configuration (Function Stream's {@code init_config}), immutable
     */
    default void init(Context ctx, Map<String, String> config) throws Exception {
    }

    /**
     * Called for each input record.
     *
     * @param sourceId the input index (WIT {@code u32})
     * @param data the record; the operator may keep it, it is not reused by the runner
     */
    default void process(Context ctx, int sourceId, byte[] data) throws Exception {
    }

    /**
     * Called when an input's watermark advances. The default does not forward it.
     *
     * @param sourceId the input index (WIT {@code u32})
     * @param watermark the watermark (WIT {@code u64})
     */
    default void processWatermark(Context ctx, int sourceId, long watermark) throws Exception {
    }

    /**
     * Called when the runner takes checkpoint {@code checkpointId}, before the state backend persists
     * it: flush anything held in memory into the stores here.
     *
     * @param checkpointId the checkpoint (WIT {@code u64})
     */
    default void takeCheckpoint(Context ctx, long checkpointId) throws Exception {
    }

    /**
     * Called periodically; return {@code false} when the operator is unhealthy. The default is
     * {@code true}.
     */
    default boolean checkHeartbeat(Context ctx) throws Exception {
        return true;
    }

    /** Called once, last. Release what {@code init} acquired; the runner closes the stores after. */
    default void close(Context ctx) throws Exception {
    }

    /**
     * Asks the operator to load and run code, e.g. a class with the given modules.
     *
     * @param className the entry point's name
     * @param modules the modules to load
     */
    default void exec(Context ctx, String className, List<Module> modules) throws Exception {
    }

    /**
     * An operator-defined request and response. The default answers with a copy of the payload.
     *
     * @return the response, never {@code null}
     */
    default byte[] custom(Context ctx, byte[] payload) throws Exception {
        return payload.clone();
    }
}
