package io.fssdk.runtime.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.runtime.component.ComponentInstance;
import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.component.TrapException;
import io.fssdk.runtime.component.WitValue;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * direct.wat calls the interfaces the preview1 adapters never import: sockets, name lookup, insecure
 * random and seed, terminal-stdout, clock pollables with poll, the remaining stream calls, and
 * {@code exit-with-code}. With default options the guest sees no environment, files or network.
 */
class DirectWasiTest {
    /** {@code error-code.access-denied} of {@code wasi:sockets/network}. */
    private static final long ACCESS_DENIED = 1;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private ComponentInstance start(WasiOptions.Builder options) {
        Linker.Builder linker = Linker.builder();
        WasiHost.addTo(linker, options.stdout(out).build());
        return linker.build().instantiate(Fixtures.load("direct.wasm"));
    }

    private static long u(ComponentInstance i, String name, WitValue... args) {
        WitValue v = i.call(name, args).orElseThrow();
        return v instanceof WitValue.U32 u ? u.unsignedValue() : ((WitValue.U64) v).value();
    }

    @Test
    void withDefaultOptionsTheGuestSeesNoEnvironmentFilesOrNetwork() {
        ComponentInstance i = start(WasiOptions.builder());
        assertEquals(0, u(i, "env-count"));
        assertEquals(0, u(i, "args-count"));
        assertEquals(0, u(i, "preopen-count"));
        assertEquals(ACCESS_DENIED, u(i, "tcp"));
        assertEquals(ACCESS_DENIED, u(i, "udp"));
        assertEquals(ACCESS_DENIED, u(i, "lookup"));
        assertEquals(0, u(i, "terminal"), "get-terminal-stdout is none");
    }

    @Test
    void grantsShowUpAndTheNetworkStaysDenied(@TempDir Path dir) {
        ComponentInstance i = start(WasiOptions.builder().env("A", "1").env("B", "2").args("x")
                .preopen(dir, "/a").preopenReadOnly(dir, "/b"));
        assertEquals(2, u(i, "env-count"));
        assertEquals(1, u(i, "args-count"));
        assertEquals(2, u(i, "preopen-count"));
        assertEquals(ACCESS_DENIED, u(i, "tcp"));
    }

    @Test
    void insecureRandomAndSeedComeFromTheInjectedSource() {
        byte[] expected = new byte[8 + 5];
        WasiRandomSource.seeded(3).nextBytes(expected);
        ComponentInstance i = start(WasiOptions.builder().random(WasiRandomSource.seeded(3)));
        assertEquals(ByteBuffer.wrap(expected, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong(), u(i, "insecure-u64"));
        assertArrayEquals(Arrays.copyOfRange(expected, 8, 13),
                ((WitValue.Bytes) i.call("insecure-bytes", WitValue.u32(5)).orElseThrow()).bytes());
        WitValue seed = i.call("seed").orElseThrow();
        assertEquals(seed, i.call("seed").orElseThrow(), "the seed is the same on every call");
        assertEquals(2, ((WitValue.Tuple) seed).elements().size());
    }

    /** A virtual clock: a pollable is not ready, block advances the clock, then it is. */
    @Test
    void clockPollablesWithAVirtualClock() {
        WasiClock clock = WasiClock.fixed(0, 1_000);
        ComponentInstance i = start(WasiOptions.builder().clock(clock));
        assertEquals(1, u(i, "wait", WitValue.u64(1_000_000_000L)), "not ready, then ready after block");
        assertEquals(1_000_001_000L, clock.monotonicNanos());
        assertEquals(11, u(i, "wait", WitValue.u64(0)), "a zero duration is ready at once");
        assertEquals(11, u(i, "poll-two", WitValue.u64(10_000_000_000L), WitValue.u64(5)),
                "poll waits for the sooner one only: one ready, index 1");
        assertEquals(1_000_001_005L, clock.monotonicNanos());
    }

    @Test
    void clockPollablesWithTheRealClock() {
        ComponentInstance i = start(WasiOptions.builder());
        long start = System.nanoTime();
        assertEquals(1, u(i, "wait", WitValue.u64(30_000_000L)));
        assertEquals(11, u(i, "poll-two", WitValue.u64(60_000_000_000L), WitValue.u64(10_000_000L)));
        long took = System.nanoTime() - start;
        assertTrue(took >= 40_000_000L && took < 30_000_000_000L, "took " + took + " ns");
    }

    @Test
    void streamsSpliceSkipWriteZeroesFlushAndSubscribe() {
        ComponentInstance i = start(WasiOptions.builder().stdin("hello, world".getBytes(StandardCharsets.UTF_8)));
        assertEquals(5, u(i, "splice", WitValue.u64(5)));
        assertEquals(2, u(i, "skip", WitValue.u64(2)));
        assertEquals(5, u(i, "splice", WitValue.u64(100)), "a short splice up to what stdin has");
        assertEquals(-1, u(i, "skip", WitValue.u64(1)), "at the end, stream-error.closed");
        assertEquals(-1, u(i, "splice", WitValue.u64(1)));
        assertEquals("helloworld", out.toString(StandardCharsets.UTF_8));
        out.reset();
        assertEquals(1 << 20, u(i, "zeroes", WitValue.u64(7)), "check-write's budget, then all succeeded");
        assertArrayEquals(new byte[7], out.toByteArray());
    }

    /** {@code exit-with-code} (0.2.12 and later) carries its code through, unlike {@code exit(err)}. */
    @Test
    void exitWithCodeCarriesTheCode() {
        ComponentInstance i = start(WasiOptions.builder());
        TrapException e = assertThrows(TrapException.class, () -> i.call("exit-code", WitValue.u8(42)));
        assertEquals(42, WasiExitException.findIn(e).orElseThrow().status());
    }
}
