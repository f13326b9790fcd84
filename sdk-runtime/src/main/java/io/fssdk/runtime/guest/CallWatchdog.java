package io.fssdk.runtime.guest;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Enforces a per-call deadline on one driver's guest calls by interrupting the calling thread: Chicory
 * checks {@link Thread#isInterrupted()} in loops and calls, in both the interpreter and compiled code,
 * and throws, which the engine reports as a trap.
 *
 * <p><b>Cost.</b> Scheduling a timer per call would put every record of every driver through one
 * shared, locked delay queue. Instead each watchdog is checked by a periodic tick on one shared thread
 * ({@link DeadlineTicker}, which ends when the last watchdog is closed), and a call only records its start
 * ({@link #start()}) and end ({@link #stop()}) under an uncontended lock. A call does not read the clock:
 * {@link System#nanoTime()} costs about 22 ns here, as much as a whole raw guest call, and was paid on every
 * record. The tick reads it instead: a call's start is counted, and the first tick that finds a call running
 * notes the time; the call has run at least that long ago, so the tick that finds the same call running a
 * whole deadline after that interrupts it. It fires no earlier than the deadline, and no later than the
 * deadline plus two tick periods; the period is half of what a tick was when calls read the clock, so a
 * call is still stopped between its deadline and its deadline plus one tick (a tenth of the deadline,
 * between 1 and 100 ms).
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
    private final DeadlineTicker ticker;
    private final long deadlineNanos;
    private final long tickNanos;
    private final Object lock = new Object();
    /** The thread of the running or last call; kept after the call, so most calls store nothing here. */
    private Thread thread;
    /** How many calls have started; tells the tick whether the call it sees is the one it saw before. */
    private long calls;
    private boolean running;
    private boolean fired;
    private ScheduledFuture<?> tick;
    /** Tick state: the call seen running at an earlier tick ({@link #calls} then), or -1 for none. */
    private long watchedCall = -1;
    /** Tick state: when {@link #watchedCall} was first seen running; it started before. */
    private long watchedSince;

    /** A watchdog for {@code deadline}; a zero deadline means none, and the watchdog does nothing. */
    public CallWatchdog(Duration deadline) {
        this(deadline, DeadlineTicker.SHARED);
    }

    /** A watchdog checked by {@code ticker}. */
    CallWatchdog(Duration deadline, DeadlineTicker ticker) {
        this.ticker = ticker;
        this.deadlineNanos = deadline.toNanos();
        // Half a tick: the tick sees a call up to one period after it started (see the class comment).
        this.tickNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(1),
                Math.min(TimeUnit.MILLISECONDS.toNanos(100), deadlineNanos / 10)) / 2;
    }

    /** Starts timing a call on the current thread. */
    public void start() {
        if (deadlineNanos == 0) {
            return;
        }
        Thread current = Thread.currentThread();
        synchronized (lock) {
            // A reference store into this long-lived object costs a GC write barrier with a memory fence on
            // G1; the thread rarely changes, so store it only when it does.
            if (thread != current) {
                thread = current;
            }
            calls++;
            fired = false;
            running = true;
            if (tick == null) {
                tick = ticker.schedule(this, tickNanos);
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
        }
        if (interrupted) {
            Thread.interrupted(); // ours: Chicory leaves it set, and the embedder's next wait must not see it
        }
        return interrupted;
    }

    /**
     * Stops the periodic check; the driver is closed. A later {@link #start()} schedules it again (a
     * closed driver makes no more calls, but a closed watchdog stays usable).
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (tick != null) {
                tick.cancel(false);
                tick = null;
            }
        }
    }

    /** Interrupts the running call if it is past its deadline; called by the ticker. */
    void check() {
        synchronized (lock) {
            if (!running || fired) {
                watchedCall = -1;
                return;
            }
            long now = System.nanoTime();
            if (watchedCall != calls) {
                // First seen now: it started at most one period ago, but no later than now.
                watchedCall = calls;
                watchedSince = now;
            } else if (now - watchedSince >= deadlineNanos) {
                fired = true;
                thread.interrupt();
            }
        }
    }
}
