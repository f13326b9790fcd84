package io.fssdk.runtime.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A guest cannot leave its preopen: every escape through {@code ..}, an absolute path or a symbolic link
 * (planted by the host or made by the guest) fails with {@code not-permitted} ("Operation not
 * permitted"), and afterwards nothing outside the preopen was read, written, created or removed.
 *
 * <p>Layout: {@code root/secret.txt}, {@code root/outside/}, and the preopen {@code root/sandbox/} with
 * {@code inner.txt} and the host's links {@code abs -> root/secret.txt}, {@code rel -> ../secret.txt},
 * {@code dir-abs -> root/outside}, {@code dir-rel -> ../outside}, {@code ok -> inner.txt} and
 * {@code loop -> loop}.
 */
class ConfinementTest {
    private static final String DENIED = "err:Operation not permitted";

    @TempDir
    Path root;
    private Path sandbox;
    private Path secret;
    private FileTime secretTime;

    @BeforeEach
    void layout() throws IOException {
        root = root.toRealPath();
        secret = Files.writeString(root.resolve("secret.txt"), "the host's secret");
        secretTime = Files.getLastModifiedTime(secret);
        Files.createDirectories(root.resolve("outside"));
        sandbox = Files.createDirectories(root.resolve("sandbox"));
        Files.writeString(sandbox.resolve("inner.txt"), "inner");
        Files.createDirectories(sandbox.resolve("sub"));
        Files.createSymbolicLink(sandbox.resolve("abs"), secret);
        Files.createSymbolicLink(sandbox.resolve("rel"), Path.of("../secret.txt"));
        Files.createSymbolicLink(sandbox.resolve("dir-abs"), root.resolve("outside"));
        Files.createSymbolicLink(sandbox.resolve("dir-rel"), Path.of("../outside"));
        Files.createSymbolicLink(sandbox.resolve("ok"), Path.of("inner.txt"));
        Files.createSymbolicLink(sandbox.resolve("loop"), Path.of("loop"));
    }

    private Probe probe(String version) {
        return Probe.start(version, WasiOptions.builder().preopen(sandbox, "/sandbox"));
    }

    /** Everything under root except the sandbox, as it was before the guest ran. */
    private void assertOutsideUntouched() throws IOException {
        assertEquals("the host's secret", Files.readString(secret));
        assertEquals(secretTime, Files.getLastModifiedTime(secret));
        try (Stream<Path> all = Files.walk(root)) {
            List<String> outside = all.filter(p -> !p.startsWith(sandbox)).map(p -> root.relativize(p).toString())
                    .sorted().collect(Collectors.toList());
            assertEquals(List.of("", "outside", "secret.txt"), outside);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.2.12", "0.2.0"})
    void readsThatWouldEscapeAreNotPermitted(String version) throws IOException {
        Probe p = probe(version);
        assertEquals(DENIED, p.readFile("/sandbox/../secret.txt"));
        assertEquals(DENIED, p.readFile("/sandbox/sub/../../secret.txt"));
        assertEquals(DENIED, p.readFile("/sandbox/sub/../sub/../../sandbox/inner.txt"),
                "even a path that comes back in may not pass outside");
        assertEquals(DENIED, p.fs("read-at", "/sandbox", secret.toString()), "an absolute path reaches the host");
        assertEquals(DENIED, p.fs("read-at", "/sandbox", "/etc/passwd"));
        assertEquals(DENIED, p.fs("read-at", "/sandbox/sub", "../../secret.txt"));
        assertEquals(DENIED, p.readFile("/sandbox/abs"));
        assertEquals(DENIED, p.readFile("/sandbox/rel"));
        assertEquals(DENIED, p.readFile("/sandbox/dir-rel/../secret.txt"));
        assertEquals(DENIED, p.listDir("/sandbox/dir-abs"));
        assertEquals(DENIED, p.listDir("/sandbox/dir-rel"));
        assertEquals(DENIED, p.listDir("/sandbox/.."));
        assertEquals(DENIED, p.fs("stat", "/sandbox/abs"));
        assertEquals(DENIED, p.fs("stat", "/sandbox/.."));
        assertEquals(DENIED, p.fs("readlink", "/sandbox/abs"), "an absolute target is not shown");
        assertEquals("ok:link 13", p.fs("lstat", "/sandbox/rel"), "the link itself lies inside");
        assertEquals("ok:../secret.txt", p.fs("readlink", "/sandbox/rel"));
        assertEquals("ok:inner", p.readFile("/sandbox/ok"), "a link that stays inside works");
        assertEquals("err:Symbolic link loop", p.readFile("/sandbox/loop"));
        assertEquals("ok:inner", p.readFile("/sandbox/sub/../inner.txt"));
        assertOutsideUntouched();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.2.12", "0.2.0"})
    void writesThatWouldEscapeAreNotPermittedAndChangeNothing(String version) throws IOException {
        Probe p = probe(version);
        assertEquals(DENIED, p.writeFile("/sandbox/../evil.txt", "x"));
        assertEquals(DENIED, p.writeFile("/sandbox/../secret.txt", "overwritten"));
        assertEquals(DENIED, p.writeFile("/sandbox/abs", "through an absolute link"));
        assertEquals(DENIED, p.writeFile("/sandbox/rel", "through a relative link"));
        assertEquals(DENIED, p.writeFile("/sandbox/dir-abs/evil.txt", "x"));
        assertEquals(DENIED, p.writeFile("/sandbox/dir-rel/evil.txt", "x"));
        assertEquals(DENIED, p.fs("write-at", "/sandbox", root.resolve("evil.txt").toString()));
        assertEquals(DENIED, p.fs("append", "/sandbox/rel", "more"));
        assertEquals(DENIED, p.fs("truncate", "/sandbox/abs", "0"));
        assertEquals(DENIED, p.fs("mkdir", "/sandbox/../newdir"));
        assertEquals(DENIED, p.fs("mkdir", "/sandbox/dir-rel/newdir"));
        assertEquals(DENIED, p.fs("rmdir", "/sandbox/../outside"));
        assertEquals(DENIED, p.fs("unlink", "/sandbox/../secret.txt"));
        assertEquals(DENIED, p.fs("rename", "/sandbox/inner.txt", "/sandbox/../stolen.txt"));
        assertEquals(DENIED, p.fs("rename", "/sandbox/../secret.txt", "/sandbox/stolen.txt"));
        assertEquals(DENIED, p.fs("utimes", "/sandbox/abs", "0"));
        assertEquals(DENIED, p.fs("symlink", "/etc/passwd", "/sandbox/mine"), "no absolute link targets");
        assertEquals(DENIED, p.fs("symlink", "inner.txt", "/sandbox/../mine"));
        assertOutsideUntouched();
    }

    /** The guest may plant a link pointing out, but following it is refused like any other escape. */
    @ParameterizedTest
    @ValueSource(strings = {"0.2.12", "0.2.0"})
    void linksTheGuestMakesCannotBeFollowedOut(String version) throws IOException {
        Probe p = probe(version);
        assertEquals("ok:ok", p.fs("symlink", "../secret.txt", "/sandbox/mine"));
        assertEquals("ok:ok", p.fs("symlink", "sub/../../outside", "/sandbox/mine-dir"));
        assertEquals(DENIED, p.readFile("/sandbox/mine"));
        assertEquals(DENIED, p.writeFile("/sandbox/mine", "x"));
        assertEquals(DENIED, p.writeFile("/sandbox/mine-dir/evil.txt", "x"));
        assertEquals(DENIED, p.listDir("/sandbox/mine-dir"));
        assertEquals("ok:ok", p.fs("unlink", "/sandbox/mine"), "the link itself may be removed");
        assertOutsideUntouched();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.2.12", "0.2.0"})
    void withoutAPreopenThereAreNoFilesAtAll(String version) throws IOException {
        Probe p = Probe.start(version);
        assertTrue(p.readFile(secret.toString()).startsWith("err:"));
        assertTrue(p.readFile("/etc/passwd").startsWith("err:"));
        assertTrue(p.listDir("/").startsWith("err:"));
        assertTrue(p.listDir(".").startsWith("err:"));
        assertTrue(p.writeFile("/tmp/x", "x").startsWith("err:"));
        assertOutsideUntouched();
    }
}
