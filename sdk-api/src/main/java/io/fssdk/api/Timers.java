package io.fssdk.api;

/**
 * The timer service of an operator, from {@link Context#timers()}. A timer is identified by its domain,
 * its timestamp and its {@link ComplexKey}: registering the same one twice keeps one timer, as in Flink.
 *
 * <p><b>Durable.</b> Timers live in the operator's state (the store {@value #STORE_PREFIX} + the operator's
 * name, so operators sharing a backend keep their timers apart), so they survive a restart and are part of
 * every checkpoint; a restore brings back exactly the timers of the checkpoint.
 *
 * <p><b>Firing.</b> Due timers fire in timestamp order (ties in key order), each once, through
 * {@link TimerDriver#onTimer}, with the context's current key set to the timer key's {@code key} part
 * for the call. A timer registered during a firing that is already due fires in the same round.
 * Event-time timers fire when the runner is given a watermark at or past their timestamp, before the
 * driver's {@code processWatermark}; processing-time timers when the embedder's clock has reached them
 * and the embedder asks the runner to fire due timers.
 *
 * <p>Timestamps are milliseconds, compared as signed {@code long}s.
 */
public interface Timers {
    /**
     * The store that holds an operator's timers is this prefix followed by the operator's name; operators
     * should not write to it.
     */
    String STORE_PREFIX = "__fssdk_timers/";

    /**
     * Registers an event-time timer.
     *
     * @throws SdkException {@code RUNTIME_INVALID_DRIVER} when the driver cannot receive timers (it does not
     *     implement {@link TimerDriver}), {@code RUNTIME_CLOSED} after close
     */
    void registerEventTimeTimer(ComplexKey key, long timestamp);

    /** Removes an event-time timer; removing one that does not exist is not an error. */
    void deleteEventTimeTimer(ComplexKey key, long timestamp);

    /**
     * Registers a processing-time timer.
     *
     * @throws SdkException as {@link #registerEventTimeTimer}
     */
    void registerProcessingTimeTimer(ComplexKey key, long timestamp);

    /** Removes a processing-time timer; removing one that does not exist is not an error. */
    void deleteProcessingTimeTimer(ComplexKey key, long timestamp);

    /** The highest watermark the runner has been given, {@link Long#MIN_VALUE} before the first. */
    long currentWatermark();

    /** The embedder's processing-time clock, in milliseconds. */
    long currentProcessingTime();
}
