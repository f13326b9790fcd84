package io.fssdk.runtime.guest;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Enforces a per-call deadline on one driver's guest calls by interrupting the calling thread: Chicory
 * checks {@link Thread#isInterrupted()} in loops and calls, in both the interpreter and compiled code,
 * and throws, which the engine reports as a trap.
 *
 * <p><b>Cost.</b> Scheduling a timer per call would put every record of every driver through one
 * shared, locked delay queue. Instead each watchdog is checked by a periodic tick on one shared daemon
 * thread, and a call only records its start ({@link #start()}) and end ({@link #stop()}) under an
 * uncontended lock. A call is stopped between its deadline and its deadline plus one tick
 * (a tenth of the deadline, between 1 and 100 ms).
 *
 * <p><b>The interrupt flag.</b> The tick interrupts while holding the lock, and {@link #stop()} takes the
 * same lock, so once {@code stop()} has it any interrupt this watchdog sent has already landed; it then
 * clears the flag ({@link Thread#interrupted()}), which Chicory leaves set. An interrupt from anyone else
 * is left alone.
 *
 * <p>Interrupting has one side effect on host code: an interruptible channel (e.g. a {@code FileChannel}
 * in an output sink) that is in use at that moment is closed by the JDK. Sinks that block should use
 * other means.
 */
public final class CallWatchdog implements AutoCloseable {
    private static final ScheduledExecutorService TICKS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fssdk-wasm-deadline");
        t.setDaemon(true); // never keeps a JVM alive
        return t;
    });

    private final long deadlineNanos;
    private final long tickNanos;
    private final Object lock = new Object();
    private Thread thread;
    private long startedAt;
    private boolean running;
    private boolean fired;
    private ScheduledFuture<?> tick;

    /** A watchdog for {@code deadline}; a zero deadline means none, and the watchdog does nothing. */
    public CallWatchdog(Duration deadline) {
        this.deadlineNanos = deadline.toNanos();
        this.tickNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(1),
                Math.min(TimeUnit.MILLISECONDS.toNanos(100), deadlineNanos / 10));
    }

    /** Starts timing a call on the current thread. */
    public void start() {
        if (deadlineNanos == 0) {
            return;
        }
        synchronized (lock) {
            thread = Thread.currentThread();
            startedAt = System.nanoTime();
            fired = false;
            running = true;
            if (tick == null) {
                tick = Tick.schedule(this, tickNanos);
            }
        }
    }

    /**
     * Stops timing the current call.
     *
     * @return whether the deadline interrupted it; the interrupt flag is then cleared
     */
    public boolean stop() {
        if (deadlineNanos == 0) {
            return false;
        }
        boolean interrupted;
        synchronized (lock) {
            running = false;
            interrupted = fired;
            fired = false;
            thread = null;
        }
        if (interrupted) {
            Thread.interrupted(); // ours: Chicory leaves it set, and the embedder's next wait must not see it
        }
        return interrupted;
    }

    /** Stops the periodic check; the driver is closed. */
    @Override
    public void close() {
        synchronized (lock) {
            if (tick != null) {
                tick.cancel(false);
            }
        }
    }

    private void check() {
        synchronized (lock) {
            if (running && !fired && System.nanoTime() - startedAt >= deadlineNanos) {
                fired = true;
                thread.interrupt();
            }
        }
    }

    /**
     * The periodic check. It holds its watchdog weakly, so a driver dropped without {@code close()} is not
     * kept alive by the scheduler; the tick then cancels itself.
     */
    private static final class Tick implements Runnable {
        private final WeakReference<CallWatchdog> watchdog;
        private volatile ScheduledFuture<?> self;

        private Tick(CallWatchdog watchdog) {
            this.watchdog = new WeakReference<>(watchdog);
        }

        static ScheduledFuture<?> schedule(CallWatchdog w, long periodNanos) {
            Tick t = new Tick(w);
            t.self = TICKS.scheduleAtFixedRate(t, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
            return t.self;
        }

        @Override
        public void run() {
            CallWatchdog w = watchdog.get();
            if (w != null) {
                w.check();
            } else if (self != null) {
                self.cancel(false);
            }
        }
    }
}
