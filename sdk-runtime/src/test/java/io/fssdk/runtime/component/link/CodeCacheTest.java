package io.fssdk.runtime.component.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.runtime.component.Component;
import io.fssdk.runtime.component.ComponentOptions;
import io.fssdk.runtime.component.ExecutionMode;
import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.component.WitValue;
import io.fssdk.runtime.testing.ComponentFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk code cache: round trips, and corrupt or truncated entries that must never be loaded. */
class CodeCacheTest {
    @TempDir
    Path dir;

    @Test
    void storesAndReadsBackAnEntry() {
        CodeCache cache = new CodeCache(dir.resolve("nested/cache"));
        assertNull(cache.get("k"));
        cache.put("k", bytes("compiled"));
        assertArrayEquals(bytes("compiled"), cache.get("k"));
        assertArrayEquals(bytes("compiled"), new CodeCache(dir.resolve("nested/cache")).get("k"), "another JVM's view");
        assertNull(cache.get("other"));
    }

    @Test
    void aTruncatedOrCorruptEntryIsAMissAndIsDeleted() throws IOException {
        CodeCache cache = new CodeCache(dir);
        cache.put("k", bytes("a payload long enough to cut"));
        Path file = onlyEntry();
        byte[] whole = Files.readAllBytes(file);

        Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 3));
        assertNull(cache.get("k"), "truncated");
        assertTrue(Files.notExists(file), "a bad entry is removed so it is rewritten");

        cache.put("k", bytes("a payload long enough to cut"));
        whole[whole.length - 1] ^= 1;
        Files.write(file, whole);
        assertNull(cache.get("k"), "one flipped payload bit");

        Files.write(file, bytes("not a cache file at all"));
        assertNull(cache.get("k"), "foreign content");
    }

    @Test
    void writesLeaveNoTemporaryFiles() throws IOException {
        CodeCache cache = new CodeCache(dir);
        for (int i = 0; i < 5; i++) {
            cache.put("k" + i, bytes("v" + i));
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.toList();
            assertEquals(5, all.size());
            assertTrue(all.stream().allMatch(p -> p.toString().endsWith(".bin")), all::toString);
        }
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionMode.class, names = {"COMPILER", "CHICORY_COMPILER"})
    void aCompiledComponentIsCachedAndTheCacheServesAFreshLoad(ExecutionMode mode) throws IOException {
        byte[] binary = ComponentFiles.read(ComponentFiles.resourceDir().resolve("primitives.wasm"));
        ComponentOptions options = ComponentOptions.builder().executionMode(mode).codeCache(dir).build();
        Component first = Component.load(binary, options);
        first.compile();
        long entries = entries();
        assertTrue(entries > 0, "compiling wrote the cache");

        // A fresh load (as in another JVM) compiles from the cache and still runs correctly.
        Component second = Component.load(binary, options);
        WitValue v = Linker.builder().build().instantiate(second).call("echo-s32", WitValue.s32(-7)).orElseThrow();
        assertEquals(WitValue.s32(-7), v);
        assertEquals(entries, entries(), "a hit writes nothing");
    }

    @Test
    void anEntryWithAGoodChecksumThatDoesNotDecodeIsCompiledAgain() throws Exception {
        // The checksum catches damage on disk; this covers what it cannot: a whole, well-formed entry whose
        // payload is not compiled code (written by a foreign tool, or a bug). It must not be loaded.
        byte[] binary = ComponentFiles.read(ComponentFiles.resourceDir().resolve("primitives.wasm"));
        ComponentOptions options = ComponentOptions.builder().codeCache(dir).build();
        Component.load(binary, options).compile();
        List<Path> written = list();
        assertFalse(written.isEmpty());
        byte[] garbage = bytes("not compiled code");
        for (Path p : written) {
            // Keep the entry's magic tag and give it a correct checksum, so only decoding can reject it.
            byte[] magic = java.util.Arrays.copyOf(Files.readAllBytes(p), "fssdk-code-cache-1\n".length());
            byte[] sum = java.security.MessageDigest.getInstance("SHA-256").digest(garbage);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            out.write(magic);
            out.write(sum);
            out.write(garbage);
            Files.write(p, out.toByteArray());
        }
        Component again = Component.load(binary, options);
        WitValue v = Linker.builder().build().instantiate(again).call("echo-s32", WitValue.s32(5)).orElseThrow();
        assertEquals(WitValue.s32(5), v);
    }

    private long entries() throws IOException {
        return list().size();
    }

    private List<Path> list() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    private Path onlyEntry() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.findFirst().orElseThrow();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
