package io.fssdk.runtime.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Clocks, sleeping and randomness through wasi-libc, real by default and deterministic when injected. */
class ProbeClockRandomTest {
    private static final long WALL = 1_700_000_000_123_456_789L;
    private static final long MONO = 42_000_000L;

    @ParameterizedTest
    @ValueSource(strings = {"0.2.12", "0.2.0"})
    void anInjectedClockIsWhatTheGuestReads(String version) {
        Probe p = Probe.start(version, WasiOptions.builder().clock(WasiClock.fixed(WALL, MONO)));
        assertArrayEquals(new long[] {WALL, MONO}, p.clocks());
        assertArrayEquals(new long[] {WALL, MONO}, p.clocks(), "a virtual clock does not move by itself");
    }

    /** nanosleep goes through a monotonic-clock pollable and poll; a virtual clock jumps instead of waiting. */
    @ParameterizedTest
    @ValueSource(strings = {"0.2.12", "0.2.0"})
    void sleepingAdvancesAVirtualClockAtOnce(String version) {
        Probe p = Probe.start(version, WasiOptions.builder().clock(WasiClock.fixed(WALL, MONO)));
        long start = System.nanoTime();
        assertEquals(3_600_000_000_000L, p.sleep(3_600_000_000_000L));
        assertTrue(System.nanoTime() - start < 30_000_000_000L, "an hour of guest sleep took no real hour");
        assertArrayEquals(new long[] {WALL + 3_600_000_000_000L, MONO + 3_600_000_000_000L}, p.clocks());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.2.12", "0.2.0"})
    void theRealClocksByDefault(String version) {
        Probe p = Probe.start(version);
        long[] t = p.clocks();
        assertTrue(Math.abs(t[0] / 1_000_000L - System.currentTimeMillis()) < 60_000, "wall clock is the host's");
        long slept = p.sleep(20_000_000L);
        assertTrue(slept >= 20_000_000L, "slept " + slept + " ns");
        assertTrue(p.clocks()[1] > t[1], "the monotonic clock moves");
    }

    /** getentropy draws 256 bytes per call; the seeded source gives the same stream in any chunking. */
    @ParameterizedTest
    @ValueSource(strings = {"0.2.12", "0.2.0"})
    void anInjectedRandomSourceMakesTheGuestDeterministic(String version) {
        byte[] expected = new byte[300];
        WasiRandomSource.seeded(7).nextBytes(expected);
        Probe a = Probe.start(version, WasiOptions.builder().random(WasiRandomSource.seeded(7)));
        Probe b = Probe.start(version, WasiOptions.builder().random(WasiRandomSource.seeded(7)));
        assertArrayEquals(expected, a.random(300));
        assertArrayEquals(expected, b.random(300));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.2.12", "0.2.0"})
    void secureRandomByDefault(String version) {
        Probe p = Probe.start(version);
        byte[] x = p.random(64);
        byte[] y = p.random(64);
        assertEquals(64, x.length);
        assertFalse(Arrays.equals(x, y), "two draws of 64 random bytes differ");
    }
}
