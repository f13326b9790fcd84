package io.fssdk.runtime.wasi.filesystem;

import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.component.ResourceType;
import io.fssdk.runtime.component.WitValue;
import io.fssdk.runtime.wasi.WasiClock;
import io.fssdk.runtime.wasi.io.Streams;
import io.fssdk.runtime.wasi.io.Values;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * <a href="https://github.com/WebAssembly/wasi-filesystem/blob/v0.2.0/wit/types.wit">{@code wasi:filesystem/types}</a>:
 * the {@code descriptor} and {@code directory-entry-stream} resources and {@code filesystem-error-code}.
 * Methods on the descriptor itself are in {@link FileOps}, the {@code -at} methods in {@link PathOps};
 * every failure is an {@code error-code} value, never a trap.
 */
public final class Types {
    /** The interface name without its version. */
    public static final String INTERFACE = "wasi:filesystem/types";

    private final Streams streams;
    private final FileOps files;
    private final PathOps paths;
    private final ResourceType descriptor = ResourceType.host("descriptor", INTERFACE, rep -> {
        try {
            ((Descriptor) rep).close();
        } catch (IOException e) {
            // Best effort: a drop has no way to report a failure to close.
        }
    });
    private final ResourceType entryStream = ResourceType.host("directory-entry-stream", INTERFACE);

    /** Creates the interface; streams of files are {@code streams}' resources, "now" is {@code clock}'s. */
    public Types(Streams streams, WasiClock clock) {
        this.streams = streams;
        this.files = new FileOps(clock);
        this.paths = new PathOps(files);
    }

    /** A new owned {@code descriptor} handle. */
    WitValue own(Descriptor d) {
        return Values.own(descriptor, d);
    }

    @FunctionalInterface
    private interface Op {
        /** The {@code ok} payload, or null for none. */
        WitValue apply(Descriptor self, List<WitValue> args) throws IOException;
    }

    private static boolean follow(List<WitValue> args, int index) {
        return ((WitValue.Flags) args.get(index)).isSet(0);
    }

    private static int bits(List<WitValue> args, int index) {
        long[] words = ((WitValue.Flags) args.get(index)).bits().toLongArray();
        return words.length == 0 ? 0 : (int) words[0];
    }

    private static Descriptor other(List<WitValue> args, int index) {
        return Values.rep(args, index, Descriptor.class);
    }

    /** Defines the interface at {@code version}. */
    public void define(Linker.Builder linker, String version) {
        String iface = INTERFACE + "@" + version;
        linker.resource(iface, descriptor).resource(iface, entryStream);
        method(linker, iface, "read-via-stream",
                (d, a) -> streams.own(new FileReadStream(d.readable(), Values.u64(a, 1))));
        method(linker, iface, "write-via-stream",
                (d, a) -> streams.own(new FileWriteStream(d.writable(), Values.u64(a, 1), false)));
        method(linker, iface, "append-via-stream", (d, a) -> streams.own(new FileWriteStream(d.writable(), 0, true)));
        method(linker, iface, "advise", (d, a) -> none(() -> files.advise(d)));
        method(linker, iface, "sync-data", (d, a) -> none(() -> files.sync(d, false)));
        method(linker, iface, "sync", (d, a) -> none(() -> files.sync(d, true)));
        method(linker, iface, "get-flags", (d, a) -> files.flags(d));
        method(linker, iface, "get-type", (d, a) -> files.type(d));
        method(linker, iface, "set-size", (d, a) -> none(() -> files.setSize(d, Values.u64(a, 1))));
        method(linker, iface, "set-times", (d, a) -> none(() -> files.setTimes(d.path(), a.get(1), a.get(2))));
        method(linker, iface, "read", (d, a) -> files.read(d, Values.u64(a, 1), Values.u64(a, 2)));
        method(linker, iface, "write", (d, a) -> files.write(d, Values.bytes(a, 1), Values.u64(a, 2)));
        method(linker, iface, "read-directory",
                (d, a) -> Values.own(entryStream, files.entries(d).iterator()));
        method(linker, iface, "create-directory-at",
                (d, a) -> none(() -> paths.createDirectory(d, Values.string(a, 1))));
        method(linker, iface, "stat", (d, a) -> Stat.stat(d.path().checkedHost()));
        method(linker, iface, "stat-at", (d, a) -> paths.stat(d, follow(a, 1), Values.string(a, 2)));
        method(linker, iface, "set-times-at", (d, a) -> none(() -> paths.setTimes(d, follow(a, 1),
                Values.string(a, 2), a.get(3), a.get(4))));
        method(linker, iface, "link-at", (d, a) -> none(() -> paths.link(d, follow(a, 1), Values.string(a, 2),
                other(a, 3), Values.string(a, 4))));
        method(linker, iface, "open-at", (d, a) -> own(paths.open(d, follow(a, 1), Values.string(a, 2),
                bits(a, 3), bits(a, 4))));
        method(linker, iface, "readlink-at", (d, a) -> WitValue.string(paths.readlink(d, Values.string(a, 1))));
        method(linker, iface, "remove-directory-at",
                (d, a) -> none(() -> paths.removeDirectory(d, Values.string(a, 1))));
        method(linker, iface, "rename-at", (d, a) -> none(() -> paths.rename(d, Values.string(a, 1), other(a, 2),
                Values.string(a, 3))));
        method(linker, iface, "symlink-at", (d, a) -> none(() -> paths.symlink(d, Values.string(a, 1),
                Values.string(a, 2))));
        method(linker, iface, "unlink-file-at", (d, a) -> none(() -> paths.unlinkFile(d, Values.string(a, 1))));
        method(linker, iface, "metadata-hash", (d, a) -> Stat.hash(d.path().checkedHost()));
        method(linker, iface, "metadata-hash-at", (d, a) -> paths.hash(d, follow(a, 1), Values.string(a, 2)));
        linker.function(iface, "[method]descriptor.is-same-object", args -> Values.result(WitValue.bool(
                sameObject(other(args, 0), other(args, 1)))));
        linker.function(iface, "[method]directory-entry-stream.read-directory-entry", args -> {
            Iterator<?> it = Values.rep(args, 0, Iterator.class);
            return Values.ok(it.hasNext() ? WitValue.some((WitValue) it.next()) : WitValue.none());
        });
        linker.function(iface, "filesystem-error-code", args -> {
            Throwable t = Values.rep(args, 0, Throwable.class);
            return Values.result(t instanceof FsException f ? WitValue.some(f.code().value()) : WitValue.none());
        });
    }

    private static boolean sameObject(Descriptor a, Descriptor b) {
        try {
            return a == b || Stat.same(a.path().host(), b.path().host());
        } catch (IOException e) {
            return false;
        }
    }

    private static void method(Linker.Builder linker, String iface, String name, Op op) {
        linker.function(iface, "[method]descriptor." + name, args -> {
            try {
                WitValue v = op.apply(other(args, 0), args);
                return Optional.of(v == null ? WitValue.ok() : WitValue.ok(v));
            } catch (IOException e) {
                return Values.err(Errors.code(e).value());
            } catch (InvalidPathException e) {
                return Values.err(ErrorCode.INVALID.value());
            }
        });
    }

    @FunctionalInterface
    private interface Action {
        void run() throws IOException;
    }

    /** Runs an operation whose {@code ok} has no payload. */
    private static WitValue none(Action a) throws IOException {
        a.run();
        return null;
    }
}
