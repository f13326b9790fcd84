package io.fssdk.runtime.guest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The deadline thread lives only while a watchdog is open.
 *
 * <p>Regression: the thread was a daemon that never ended. Maven's {@code exec:java} interrupts and waits
 * up to 15 s for every thread its program leaves behind, so the README's counter command stalled 15 s
 * after its last line whenever a component ran. Each test uses its own ticker, since drivers other tests
 * left open keep the shared one busy.
 */
class CallWatchdogTest {
    private static boolean alive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }

    /** Waits (at most 10 s, far above the ticker's idle time) for the named thread to end. */
    private static boolean ends(String name) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (alive(name)) {
            if (System.nanoTime() > until) {
                return false;
            }
            Thread.sleep(DeadlineTicker.IDLE_MILLIS);
        }
        return true;
    }

    @Test
    void theThreadEndsWhenTheLastWatchdogCloses() throws InterruptedException {
        String name = "test-deadline-last-close";
        DeadlineTicker ticker = new DeadlineTicker(name);
        CallWatchdog a = new CallWatchdog(Duration.ofSeconds(10), ticker);
        CallWatchdog b = new CallWatchdog(Duration.ofSeconds(10), ticker);
        a.start();
        a.stop();
        b.start();
        b.stop();
        assertTrue(alive(name), "started by the first call");
        a.close();
        Thread.sleep(5 * DeadlineTicker.IDLE_MILLIS);
        assertTrue(alive(name), "b is still open");
        b.close();
        assertTrue(ends(name), "the thread outlived the last watchdog");

        // A new call starts a new thread, and its deadline still works.
        CallWatchdog c = new CallWatchdog(Duration.ofMillis(20), ticker);
        c.start();
        try {
            Thread.sleep(5_000);
        } catch (InterruptedException expected) {
            // the deadline interrupted the sleep
        }
        assertTrue(c.stop(), "the deadline fired");
        assertFalse(Thread.currentThread().isInterrupted(), "stop() cleared the flag");
        c.close();
        assertTrue(ends(name));
    }

    /**
     * Calls of random length around a 1 ms deadline, thousands of them, so that the tick fires while calls end:
     * an interrupt a call saw is always reported by its {@code stop()} and cleared, and none ever reaches a
     * later call or the code after {@code stop()}. A stress test: it puts many fires close to stops, but cannot
     * force the narrowest interleavings.
     */
    @Test
    void anInterruptNeverOutlivesItsCall() {
        String name = "test-deadline-race";
        CallWatchdog w = new CallWatchdog(Duration.ofMillis(1), new DeadlineTicker(name));
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        int fired = 0;
        int finished = 0;
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
        while (System.nanoTime() < end) {
            w.start();
            long until = System.nanoTime() + random.nextLong(TimeUnit.MICROSECONDS.toNanos(2500));
            boolean saw = false;
            while (!saw && System.nanoTime() < until) {
                saw = Thread.currentThread().isInterrupted(); // what compiled guest code polls
            }
            boolean stopped = w.stop();
            assertFalse(Thread.currentThread().isInterrupted(), "an interrupt outlived its call");
            if (saw) {
                assertTrue(stopped, "the call saw an interrupt its stop() did not report");
            }
            if (stopped) {
                fired++;
            } else {
                finished++;
            }
        }
        w.close();
        assertTrue(fired > 10 && finished > 10, "fired " + fired + ", finished " + finished);
    }

    /**
     * Calls do not read the clock: the tick times them from when it first saw them running (see
     * {@link CallWatchdog}). That must never make a deadline fire early: every call the watchdog reports as
     * interrupted ran at least the deadline, measured from before its {@code start()}, and calls that run well
     * past it are interrupted. Not a timed assertion: a slow machine only makes calls longer, never shorter.
     */
    @Test
    void aDeadlineNeverFiresEarlyAndStillFires() {
        long deadline = TimeUnit.MILLISECONDS.toNanos(2);
        CallWatchdog w = new CallWatchdog(Duration.ofNanos(deadline), new DeadlineTicker("test-deadline-early"));
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        int fired = 0;
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1000);
        while (System.nanoTime() < end) {
            long before = System.nanoTime();
            w.start();
            // Stop at an interrupt, or give up after a thousand deadlines (far past when it must have fired).
            long length = random.nextBoolean() ? random.nextLong(deadline) : 1000 * deadline;
            while (!Thread.currentThread().isInterrupted() && System.nanoTime() - before < length) {
                Thread.onSpinWait();
            }
            boolean stopped = w.stop();
            long ran = System.nanoTime() - before;
            if (stopped) {
                fired++;
                assertTrue(ran >= deadline, "interrupted after " + ran + " ns, before the deadline");
            } else {
                assertTrue(length < deadline, "a call of a thousand deadlines was not interrupted");
            }
        }
        w.close();
        assertTrue(fired > 10, "fired " + fired);
    }

    @Test
    void aWatchdogWithoutADeadlineStartsNoThread() {
        String name = "test-deadline-none";
        CallWatchdog w = new CallWatchdog(Duration.ZERO, new DeadlineTicker(name));
        w.start();
        assertFalse(w.stop());
        assertFalse(alive(name));
        w.close();
    }
}
