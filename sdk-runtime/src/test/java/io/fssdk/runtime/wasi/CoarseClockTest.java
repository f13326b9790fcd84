package io.fssdk.runtime.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A coarse clock hides the host's fine timing from a guest: readings are whole resolution steps. */
class CoarseClockTest {
    @Test
    void readingsAreRoundedDownToTheResolution() throws InterruptedException {
        WasiClock base = WasiClock.fixed(1_234_567_891L, 9_876_543L);
        WasiClock coarse = WasiClock.coarse(base, Duration.ofMillis(1));
        assertEquals(1_234_000_000L, coarse.wallNanos());
        assertEquals(9_000_000L, coarse.monotonicNanos());
        assertEquals(1_000_000L, coarse.resolutionNanos());
        coarse.sleep(2_500_000L);
        assertEquals(12_000_000L, coarse.monotonicNanos(), "sleeping moves the base; readings stay whole steps");
    }

    @Test
    void theResolutionMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> WasiClock.coarse(WasiClock.system(), Duration.ZERO));
    }
}
