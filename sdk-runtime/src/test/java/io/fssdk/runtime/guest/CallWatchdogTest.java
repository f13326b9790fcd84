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
