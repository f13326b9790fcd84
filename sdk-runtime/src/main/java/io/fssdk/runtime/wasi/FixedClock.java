package io.fssdk.runtime.wasi;

import java.util.concurrent.atomic.AtomicLong;

/** A virtual clock that only moves when a guest sleeps; see {@link WasiClock#fixed(long, long)}. */
final class FixedClock implements WasiClock {
    private final long wallOrigin;
    private final long monotonicOrigin;
    private final AtomicLong slept = new AtomicLong();

    FixedClock(long wallOrigin, long monotonicOrigin) {
        this.wallOrigin = wallOrigin;
        this.monotonicOrigin = monotonicOrigin;
    }

    @Override
    public long wallNanos() {
        return wallOrigin + slept.get();
    }

    @Override
    public long monotonicNanos() {
        return monotonicOrigin + slept.get();
    }

    @Override
    public void sleep(long nanos) {
        if (nanos > 0) {
            slept.addAndGet(nanos);
        }
    }
}
