package io.fssdk.runtime.guest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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
 * ({@link #start()}, one ordered store) and end ({@link #stop()}, one compare-and-set) in a state word.
 * A call does not read the clock: {@link System#nanoTime()} costs about 22 ns here, as much as a whole raw
 * guest call, and was paid on every record. The tick reads it instead: calls are numbered, and the first
 * tick that finds a call running notes the time; the call has run at least that long, so the tick that
 * finds the same call running a whole deadline after that interrupts it. It fires no earlier than the
 * deadline, and no later than the deadline plus two tick periods; the period is half of what a tick was
 * when calls read the clock, so a call is still stopped between its deadline and its deadline plus one
 * tick (a tenth of the deadline, between 1 and 100 ms).
 *
 * <p><b>The interrupt flag.</b> The state word holds the call's number and its phase: idle, running,
 * firing (the tick is interrupting it) or fired. The tick may interrupt a call only by first moving it
 * from running to firing, and {@code stop()} ends a call only by moving it from running to idle, so at
 * most one of the two wins. When the tick won, {@code stop()} waits until the tick has marked the call
 * fired, which it does after {@link Thread#interrupt()} returned: once {@code stop()} returns, any
 * interrupt this watchdog sent has landed. It then clears the flag ({@link Thread#interrupted()}), which
 * Chicory leaves set. An interrupt from anyone else is left alone.
 *
 * <p>Interrupting has one side effect on host code: an interruptible channel (e.g. a {@code FileChannel}
 * in an output sink) that is in use at that moment is closed by the JDK. Sinks that block should use
 * other means.
 */
public final class CallWatchdog implements AutoCloseable {
    private static final long IDLE = 0;
    private static final long RUNNING = 1;
    private static final long FIRING = 2;
    private static final long FIRED = 3;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(CallWatchdog.class, "state", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final DeadlineTicker ticker;
    private final long deadlineNanos;
    private final long tickNanos;
    /** Guards scheduling and cancelling the tick only; calls do not take it. */
    private final Object lock = new Object();
    /**
     * The thread of the running or last call, written before the call is published in {@link #state}. Kept
     * after the call: a reference store into this long-lived object costs a GC write barrier with a memory
     * fence on G1, and the thread rarely changes, so it is stored only when it does.
     */
    private Thread thread;
    /** The call's number (counting starts) shifted left by two, or'ed with its phase. */
    private volatile long state;
    private volatile ScheduledFuture<?> tick;
    /** Tick state: the number of the call seen running at an earlier tick, or -1 for none. */
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
        if (thread != current) {
            thread = current;
        }
        // The tick writes the state only while a call runs, so between calls this thread owns it, and an
        // ordered store suffices: a tick that sees the new call also sees the thread written before it.
        STATE.setRelease(this, ((state >>> 2) + 1) << 2 | RUNNING);
        if (tick == null) {
            schedule();
        }
    }

    private void schedule() {
        synchronized (lock) {
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
        long s = state;
        long call = s & ~3L;
        if ((s & 3) == IDLE || ((s & 3) == RUNNING && STATE.compareAndSet(this, s, call | IDLE))) {
            return false;
        }
        // The tick won: wait for its interrupt to land before clearing the flag.
        while ((state & 3) == FIRING) {
            Thread.onSpinWait();
        }
        state = call | IDLE;
        Thread.interrupted(); // ours: Chicory leaves it set, and the embedder's next wait must not see it
        return true;
    }

    /**
     * Stops the periodic check; the driver is closed. A later {@link #start()} schedules it again (a
     * closed driver makes no more calls, but a closed watchdog stays usable).
     */
    @Override
    public void close() {
        synchronized (lock) {
            ScheduledFuture<?> t = tick;
            if (t != null) {
                t.cancel(false);
                tick = null;
            }
        }
    }

    /** Interrupts the running call if it is past its deadline; called by the ticker. */
    void check() {
        long s = state;
        if ((s & 3) != RUNNING) {
            watchedCall = -1;
            return;
        }
        long call = s >>> 2;
        long now = System.nanoTime();
        if (watchedCall != call) {
            // First seen now: it started at most one period ago, and no later than now.
            watchedCall = call;
            watchedSince = now;
        } else if (now - watchedSince >= deadlineNanos && STATE.compareAndSet(this, s, (s & ~3L) | FIRING)) {
            thread.interrupt();
            state = (s & ~3L) | FIRED;
        }
    }
}
