package io.fssdk.runtime;

import java.time.Instant;
import java.time.InstantSource;

/** The test kit's processing-time clock: it stands still until the test moves it, and never goes back. */
final class ManualClock implements InstantSource {
    private long millis;

    ManualClock(long startMillis) {
        this.millis = startMillis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis);
    }

    @Override
    public long millis() {
        return millis;
    }

    /** Moves the clock to {@code to}; moving it back is an error. */
    void set(long to) {
        if (to < millis) {
            throw new IllegalArgumentException("processing time cannot go back from " + millis + " to " + to);
        }
        millis = to;
    }
}
