package io.fssdk.runtime.wasi;

/** A clock whose readings are rounded down to a resolution; see {@link WasiClock#coarse}. */
final class CoarseClock implements WasiClock {
    private final WasiClock base;
    private final long step;

    CoarseClock(WasiClock base, long step) {
        this.base = base;
        this.step = step;
    }

    @Override
    public long wallNanos() {
        return Math.floorDiv(base.wallNanos(), step) * step;
    }

    @Override
    public long monotonicNanos() {
        return Math.floorDiv(base.monotonicNanos(), step) * step;
    }

    @Override
    public long resolutionNanos() {
        return Math.max(step, base.resolutionNanos());
    }

    @Override
    public void sleep(long nanos) throws InterruptedException {
        base.sleep(nanos);
    }
}
