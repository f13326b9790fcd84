package io.fssdk.api;

import java.util.Objects;

/**
 * A timer that fired, as handed to {@link TimerDriver#onTimer}.
 *
 * @param domain the clock it followed
 * @param timestamp when it was due, in milliseconds (event time: the watermark's unit)
 * @param key the key it was registered under, e.g. (keyGroup, key, window, "")
 */
public record Timer(TimeDomain domain, long timestamp, ComplexKey key) {
    /** Rejects nulls. */
    public Timer {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(key, "key");
    }
}
