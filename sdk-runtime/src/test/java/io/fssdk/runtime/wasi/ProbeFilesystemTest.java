package io.fssdk.runtime.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files in granted directories, through wasi-libc and the preview1 adapter: list, read, write and the
 * rest of the descriptor API, and a read-only preopen that refuses every change with
 * {@code error-code.read-only} (strerror: "Read-only file system").
 */
class ProbeFilesystemTest {
    private static final String READ_ONLY = "err:Read-only file system";

    @TempDir
    Path tmp;

    private Path sandbox() throws IOException {
        Path s = Files.createDirectories(tmp.resolve("sandbox"));
        Files.writeString(s.resolve("a.txt"), "alpha");
        Files.createDirectories(s.resolve("sub"));
        Files.writeString(s.resolve("sub/b.txt"), "beta");
        return s;
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.2.12", "0.2.0"})
    void listsReadsAndWritesFilesInAPreopen(String version) throws IOException {
        Path s = sandbox();
        Probe p = Probe.start(version, WasiOptions.builder().preopen(s, "/data"));
        assertEquals("ok:a.txt,sub", p.listDir("/data"));
        assertEquals("ok:b.txt", p.listDir("/data/sub"));
        assertEquals("ok:alpha", p.readFile("/data/a.txt"));
        assertEquals("ok:beta", p.readFile("/data/sub/../sub/./b.txt"));
        assertEquals("ok:", p.writeFile("/data/new.txt", "written by the guest"));
        assertEquals("written by the guest", read(s.resolve("new.txt")));
        assertEquals("ok:", p.writeFile("/data/a.txt", "A"));
        assertEquals("A", read(s.resolve("a.txt")), "fopen(\"wb\") truncates");
        assertEquals("err:No such file or directory", p.readFile("/data/missing.txt"));
        assertEquals("err:Is a directory", p.writeFile("/data/sub", "x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.2.12", "0.2.0"})
    void aPreopenMayBeTheGuestsWorkingDirectory(String version) throws IOException {
        Path s = sandbox();
        Probe p = Probe.start(version, WasiOptions.builder().preopen(s, "."));
        assertEquals("ok:alpha", p.readFile("a.txt"));
        assertEquals("ok:a.txt,sub", p.listDir("."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.2.12", "0.2.0"})
    void theDescriptorApiWorksInsideAPreopen(String version) throws IOException {
        Path s = sandbox();
        Probe p = Probe.start(version, WasiOptions.builder().preopen(s, "/d"));
        assertEquals("ok:ok", p.fs("mkdir", "/d/new"));
        assertTrue(Files.isDirectory(s.resolve("new")));
        assertEquals("err:File exists", p.fs("mkdir", "/d/new"));
        assertEquals("ok:ok", p.fs("rename", "/d/a.txt", "/d/new/moved.txt"));
        assertEquals("alpha", read(s.resolve("new/moved.txt")));
        assertEquals("ok:ok", p.fs("append", "/d/new/moved.txt", "+more"));
        assertEquals("alpha+more", read(s.resolve("new/moved.txt")));
        assertEquals("ok:file 10", p.fs("stat", "/d/new/moved.txt"));
        assertEquals("ok:ok", p.fs("truncate", "/d/new/moved.txt", "3"));
        assertEquals("alp", read(s.resolve("new/moved.txt")));
        assertEquals("ok:ok", p.fs("truncate", "/d/new/moved.txt", "5"));
        assertEquals("alp\0\0", read(s.resolve("new/moved.txt")), "growing a file fills with zeroes");
        assertEquals("ok:mtime 1000000000", p.fs("utimes", "/d/new/moved.txt", "1000000000"));
        assertEquals("ok:ok", p.fs("symlink", "new/moved.txt", "/d/link"));
        assertEquals("new/moved.txt", Files.readSymbolicLink(s.resolve("link")).toString());
        assertEquals("ok:new/moved.txt", p.fs("readlink", "/d/link"));
        assertEquals("ok:link 13", p.fs("lstat", "/d/link"));
        assertEquals("ok:file 5", p.fs("stat", "/d/link"), "stat follows a link that stays inside");
        assertEquals("ok:alp\0\0", p.readFile("/d/link"));
        assertEquals("ok:dir 0", p.fs("stat", "/d/new").replaceAll("dir \\d+", "dir 0"));
        assertEquals("err:Directory not empty", p.fs("rmdir", "/d/new"));
        assertEquals("err:Is a directory", p.fs("unlink", "/d/new"));
        assertEquals("ok:ok", p.fs("unlink", "/d/link"));
        assertTrue(Files.exists(s.resolve("new/moved.txt")), "unlinking a link leaves its target");
        assertEquals("ok:ok", p.fs("unlink", "/d/new/moved.txt"));
        assertEquals("ok:ok", p.fs("rmdir", "/d/new"));
        assertFalse(Files.exists(s.resolve("new")));
        assertEquals("ok:ok", p.fs("write-at", "/d/sub", "c.txt"));
        assertEquals("ok:escaped", p.fs("read-at", "/d/sub", "c.txt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.2.12", "0.2.0"})
    void aReadOnlyPreopenRefusesEveryChangeWithReadOnly(String version) throws IOException {
        Path s = sandbox();
        Probe p = Probe.start(version, WasiOptions.builder().preopenReadOnly(s, "/ro"));
        assertEquals("ok:alpha", p.readFile("/ro/a.txt"));
        assertEquals("ok:a.txt,sub", p.listDir("/ro"));
        assertEquals("ok:file 5", p.fs("stat", "/ro/a.txt"));
        assertEquals(READ_ONLY, p.writeFile("/ro/a.txt", "changed"));
        assertEquals(READ_ONLY, p.writeFile("/ro/new.txt", "created"));
        assertEquals(READ_ONLY, p.fs("append", "/ro/a.txt", "more"));
        assertEquals(READ_ONLY, p.fs("truncate", "/ro/a.txt", "0"));
        assertEquals(READ_ONLY, p.fs("mkdir", "/ro/new"));
        assertEquals(READ_ONLY, p.fs("rmdir", "/ro/sub"));
        assertEquals(READ_ONLY, p.fs("unlink", "/ro/a.txt"));
        assertEquals(READ_ONLY, p.fs("rename", "/ro/a.txt", "/ro/b.txt"));
        assertEquals(READ_ONLY, p.fs("symlink", "a.txt", "/ro/link"));
        assertEquals(READ_ONLY, p.fs("utimes", "/ro/a.txt", "0"));
        assertEquals(READ_ONLY, p.fs("write-at", "/ro/sub", "b.txt"));
        assertEquals("alpha", read(s.resolve("a.txt")));
        assertEquals("beta", read(s.resolve("sub/b.txt")));
        try (var list = Files.list(s)) {
            assertEquals(2, list.count(), "nothing was created");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.2.12", "0.2.0"})
    void twoPreopensOneReadOnly(String version) throws IOException {
        Path s = sandbox();
        Path out = Files.createDirectories(tmp.resolve("out"));
        Probe p = Probe.start(version, WasiOptions.builder().preopenReadOnly(s, "/in").preopen(out, "/out"));
        String data = p.readFile("/in/sub/b.txt").substring(3);
        assertEquals("ok:", p.writeFile("/out/copy.txt", data.toUpperCase()));
        assertEquals("BETA", read(out.resolve("copy.txt")));
        assertEquals(READ_ONLY, p.writeFile("/in/copy.txt", data));
    }
}
