package io.fssdk.runtime.wasi.filesystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.runtime.wasi.WasiPreopen;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The confinement walk, table-driven: each guest path either resolves to components under the preopen
 * or fails with the error code a guest would see. The preopen holds {@code a/b/}, {@code f}, and links
 * {@code in -> a/b}, {@code up -> ..}, {@code abs -> <absolute>}, {@code chain1 -> chain2 -> a},
 * {@code loop -> loop}, {@code deep -> a/../..} and {@code back -> a/../f}.
 */
class PathResolverTest {
    @TempDir
    Path tmp;
    private Resolved root;

    @BeforeEach
    void layout() throws IOException {
        Path r = Files.createDirectories(tmp.toRealPath().resolve("root"));
        Files.createDirectories(r.resolve("a/b"));
        Files.writeString(r.resolve("f"), "f");
        Files.createSymbolicLink(r.resolve("in"), Path.of("a/b"));
        Files.createSymbolicLink(r.resolve("up"), Path.of(".."));
        Files.createSymbolicLink(r.resolve("abs"), r.resolve("a"));
        Files.createSymbolicLink(r.resolve("chain1"), Path.of("chain2"));
        Files.createSymbolicLink(r.resolve("chain2"), Path.of("a"));
        Files.createSymbolicLink(r.resolve("loop"), Path.of("loop"));
        Files.createSymbolicLink(r.resolve("deep"), Path.of("a/../.."));
        Files.createSymbolicLink(r.resolve("back"), Path.of("a/../f"));
        root = new Resolved(new WasiPreopen(r, "/", false), List.of());
    }

    static Stream<Arguments> resolving() {
        return Stream.of(
                Arguments.of("a/b", true, "a/b"),
                Arguments.of("a/./b/", true, "a/b"),
                Arguments.of("a//b", true, "a/b"),
                Arguments.of("a/../f", true, "f"),
                Arguments.of(".", true, ""),
                Arguments.of("a/..", true, ""),
                Arguments.of("in/x", true, "a/b/x"),
                Arguments.of("in", true, "a/b"),
                Arguments.of("in", false, "in"),
                Arguments.of("in/", false, "a/b"),
                Arguments.of("abs", false, "abs"),
                Arguments.of("chain1/b", true, "a/b"),
                Arguments.of("chain1", false, "chain1"),
                Arguments.of("back", true, "f"),
                Arguments.of("in/../../f", true, "f"),
                Arguments.of("missing/x", true, "missing/x"));
    }

    @ParameterizedTest(name = "[{0}] (follow {1}) -> {2}")
    @MethodSource("resolving")
    void pathsThatStayInsideResolve(String path, boolean follow, String expected) throws FsException {
        Resolved r = PathResolver.resolve(root, path, follow);
        assertEquals(expected, String.join("/", r.components()));
        assertTrue(r.host().startsWith(root.root().hostPath()));
    }

    static Stream<Arguments> refusing() {
        return Stream.of(
                Arguments.of("", true, ErrorCode.NO_ENTRY),
                Arguments.of("/", true, ErrorCode.NOT_PERMITTED),
                Arguments.of("/etc/passwd", true, ErrorCode.NOT_PERMITTED),
                Arguments.of("..", true, ErrorCode.NOT_PERMITTED),
                Arguments.of("../root/f", true, ErrorCode.NOT_PERMITTED),
                Arguments.of("a/../..", true, ErrorCode.NOT_PERMITTED),
                Arguments.of("a/b/../../../root", true, ErrorCode.NOT_PERMITTED),
                Arguments.of("up/root/f", true, ErrorCode.NOT_PERMITTED),
                Arguments.of("up", true, ErrorCode.NOT_PERMITTED),
                Arguments.of("abs/b", true, ErrorCode.NOT_PERMITTED),
                Arguments.of("abs", true, ErrorCode.NOT_PERMITTED),
                Arguments.of("deep", true, ErrorCode.NOT_PERMITTED),
                Arguments.of("deep/x", false, ErrorCode.NOT_PERMITTED),
                Arguments.of("loop", true, ErrorCode.LOOP),
                Arguments.of("loop/x", false, ErrorCode.LOOP),
                Arguments.of("a\0b", true, ErrorCode.INVALID));
    }

    @ParameterizedTest(name = "[{0}] (follow {1}) -> {2}")
    @MethodSource("refusing")
    void pathsThatWouldLeaveAreRefused(String path, boolean follow, ErrorCode expected) {
        assertEquals(expected, assertThrows(FsException.class, () -> PathResolver.resolve(root, path, follow)).code());
    }

    @ParameterizedTest(name = "from a/b: {0}")
    @MethodSource("fromSubdirectory")
    void aSubdirectoryMayClimbOnlyToThePreopen(String path, String expected) throws FsException {
        Resolved sub = PathResolver.resolve(root, "a/b", true);
        if (expected == null) {
            assertEquals(ErrorCode.NOT_PERMITTED,
                    assertThrows(FsException.class, () -> PathResolver.resolve(sub, path, true)).code());
        } else {
            assertEquals(expected, String.join("/", PathResolver.resolve(sub, path, true).components()));
        }
    }

    static Stream<Arguments> fromSubdirectory() {
        return Stream.of(
                Arguments.of("../../f", "f"),
                Arguments.of("..", "a"),
                Arguments.of("../../..", null),
                Arguments.of("../../../root/f", null));
    }

    /** A guard against a resolver bug: the error a guest sees names a code, never a host path. */
    @ParameterizedTest(name = "[{0}]")
    @MethodSource("refusing")
    void refusalsNameNoHostPath(String path, boolean follow, ErrorCode expected) {
        FsException e = assertThrows(FsException.class, () -> PathResolver.resolve(root, path, follow));
        assertEquals(expected.witName(), e.getMessage());
    }
}
