package io.fssdk.runtime.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builder grants only what it is told, and its product cannot change afterwards. */
class WasiOptionsTest {
    @Test
    void theDefaultsGrantNothing() {
        WasiOptions o = WasiOptions.defaults();
        assertEquals(Map.of(), o.environment());
        assertEquals(List.of(), o.arguments());
        assertEquals(List.of(), o.preopens());
        assertSame(WasiClock.system(), o.clock());
        assertEquals("guest", o.name());
        assertTrue(o.stdout().isEmpty() && o.stderr().isEmpty(), "stdout and stderr go to SLF4J");
    }

    @Test
    void theProductIsImmutable() {
        WasiOptions.Builder b = WasiOptions.builder().env("A", "1").args("x");
        WasiOptions o = b.build();
        b.env("B", "2").args("y");
        assertEquals(Map.of("A", "1"), o.environment());
        assertEquals(List.of("x"), o.arguments());
        assertThrows(UnsupportedOperationException.class, () -> o.environment().put("C", "3"));
        assertThrows(UnsupportedOperationException.class, () -> o.arguments().add("z"));
    }

    @Test
    void stdinBytesAreCopiedAndRestartForEveryHost() throws IOException {
        byte[] data = "abc".getBytes(StandardCharsets.UTF_8);
        WasiOptions o = WasiOptions.builder().stdin(data).build();
        data[0] = 'X';
        assertArrayEquals("abc".getBytes(StandardCharsets.UTF_8), o.openStdin().readAllBytes());
        assertArrayEquals("abc".getBytes(StandardCharsets.UTF_8), o.openStdin().readAllBytes());
    }

    @Test
    void preopensResolveToRealDirectories(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("dir"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), dir);
        WasiOptions o = WasiOptions.builder().preopen(link, "/a").preopenReadOnly(dir, "/b").build();
        Path real = dir.toRealPath();
        assertEquals(List.of(new WasiPreopen(real, "/a", false), new WasiPreopen(real, "/b", true)), o.preopens());
    }

    @Test
    void aPreopenMustBeAnExistingDirectory(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertThrows(IllegalArgumentException.class,
                () -> WasiOptions.builder().preopen(tmp.resolve("missing"), "/m").build());
        assertThrows(IllegalArgumentException.class, () -> WasiOptions.builder().preopen(file, "/f").build());
        assertThrows(IllegalArgumentException.class, () -> WasiOptions.builder().preopen(tmp, ""));
    }

    @Test
    void toBuilderKeepsEveryGrant(@TempDir Path tmp) {
        WasiClock clock = WasiClock.fixed(1, 2);
        WasiOptions o = WasiOptions.builder().name("n").env("A", "1").args("x").preopen(tmp, "/t").clock(clock)
                .build();
        WasiOptions copy = o.toBuilder().build();
        assertEquals(o.environment(), copy.environment());
        assertEquals(o.arguments(), copy.arguments());
        assertEquals(o.preopens(), copy.preopens());
        assertSame(clock, copy.clock());
        assertEquals("n", copy.name());
    }
}
