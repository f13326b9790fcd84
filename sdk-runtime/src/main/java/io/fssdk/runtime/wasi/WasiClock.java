package io.fssdk.runtime.wasi;

/**
 * The time a guest sees through
 * <a href="https://github.com/WebAssembly/wasi-clocks/blob/v0.2.0/wit/wall-clock.wit">{@code wasi:clocks/wall-clock}</a>
 * and <a href="https://github.com/WebAssembly/wasi-clocks/blob/v0.2.0/wit/monotonic-clock.wit">{@code wasi:clocks/monotonic-clock}</a>.
 * Inject a fixed or stepping clock to make a guest deterministic; {@link #system()} is the default.
 * Implementations must be thread-safe when instances run on several threads.
 */
public interface WasiClock {
    /** Nanoseconds since the Unix epoch, as {@code wall-clock.now} reports them. */
    long wallNanos();

    /** Nanoseconds since an arbitrary fixed origin, never decreasing, as {@code monotonic-clock.now} reports them. */
    long monotonicNanos();

    /**
     * Waits {@code nanos} nanoseconds of this clock's monotonic time, for a guest that blocks on a clock
     * pollable. The default sleeps the calling thread; a virtual clock may instead advance itself and
     * return at once. The host calls it once per wait and then treats the deadline as reached, so a clock
     * that never advances cannot hang a guest.
     *
     * @throws InterruptedException when the thread is interrupted (the guest call then traps)
     */
    default void sleep(long nanos) throws InterruptedException {
        if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
        }
    }

    /**
     * The smallest step between two readings this clock reports, in nanoseconds, as
     * {@code resolution} tells the guest. The default is 1 (the host's clocks report what they have).
     */
    default long resolutionNanos() {
        return 1;
    }

    /**
     * {@code base} with both readings rounded down to a multiple of {@code resolution}, as wasmtime's
     * {@code WasiCtxBuilder} offers: a guest cannot time the host (or other guests) more finely than that,
     * which blunts timing side channels. Monotonic readings stay non-decreasing.
     *
     * @throws IllegalArgumentException when {@code resolution} is not positive
     */
    static WasiClock coarse(WasiClock base, java.time.Duration resolution) {
        long step = resolution.toNanos();
        if (step <= 0) {
            throw new IllegalArgumentException("clock resolution must be positive, got " + resolution);
        }
        return new CoarseClock(base, step);
    }

    /** The host's clocks: {@link System#currentTimeMillis()}-based wall time, {@link System#nanoTime()}. */
    static WasiClock system() {
        return SystemClock.INSTANCE;
    }

    /**
     * A virtual clock for deterministic tests: it starts at the given readings, and only {@link #sleep}
     * moves it (both readings advance by the time slept).
     *
     * @param wallNanos the initial wall time in nanoseconds since the epoch
     * @param monotonicNanos the initial monotonic reading
     */
    static WasiClock fixed(long wallNanos, long monotonicNanos) {
        return new FixedClock(wallNanos, monotonicNanos);
    }
}
