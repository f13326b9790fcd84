package io.fssdk.runtime.wasi;

import java.time.Instant;

/** The host's real clocks; see {@link WasiClock#system()}. */
enum SystemClock implements WasiClock {
    /** The only instance. */
    INSTANCE;

    @Override
    public long wallNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public long monotonicNanos() {
        return System.nanoTime();
    }
}
