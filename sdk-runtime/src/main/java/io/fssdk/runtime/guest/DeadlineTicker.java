package io.fssdk.runtime.guest;

import java.lang.ref.WeakReference;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that checks the deadlines of {@link CallWatchdog}s, alive only while some watchdog is
 * open. Each open watchdog has one periodic tick here; closing it cancels the tick, and once no tick is
 * left the thread ends after {@value #IDLE_MILLIS} ms. The next watchdog starts a new thread.
 *
 * <p>Why it must end, not only be a daemon: Maven's {@code exec:java} interrupts and then waits up to 15 s
 * for every thread its program left behind, daemons included. A scheduler thread ignores interrupts, so
 * the README's counter command stalled 15 s after its last line.
 */
final class DeadlineTicker {
    /** How long the thread waits for new work once no watchdog is open. */
    static final long IDLE_MILLIS = 50;

    /** The ticker of every driver. */
    static final DeadlineTicker SHARED = new DeadlineTicker("fssdk-wasm-deadline");

    private final ScheduledThreadPoolExecutor executor;

    /** A ticker whose thread has this name (tests make their own, to watch it end). */
    DeadlineTicker(String threadName) {
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true); // and it ends when idle: see the class comment
            return t;
        });
        executor.setRemoveOnCancelPolicy(true); // a cancelled tick leaves the queue at once
        executor.setKeepAliveTime(IDLE_MILLIS, TimeUnit.MILLISECONDS);
        executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs {@code watchdog.check()} every {@code periodNanos} until the returned future is cancelled. The
     * tick holds its watchdog weakly, so a driver dropped without {@code close()} is not kept alive by the
     * scheduler: the tick then cancels itself.
     */
    ScheduledFuture<?> schedule(CallWatchdog watchdog, long periodNanos) {
        Tick t = new Tick(watchdog);
        t.self = executor.scheduleAtFixedRate(t, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
        return t.self;
    }

    /** The periodic check of one watchdog. */
    private static final class Tick implements Runnable {
        private final WeakReference<CallWatchdog> watchdog;
        private volatile ScheduledFuture<?> self;

        private Tick(CallWatchdog watchdog) {
            this.watchdog = new WeakReference<>(watchdog);
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
