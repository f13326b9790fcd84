package io.fssdk.runtime.wasi.filesystem;

import io.fssdk.runtime.component.WitValue;
import io.fssdk.runtime.wasi.clocks.WallClock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Map;

/**
 * {@code descriptor-stat}, {@code descriptor-type} and {@code metadata-hash-value} from host attributes,
 * always read without following a final symbolic link (the resolver already followed it when asked to).
 * The POSIX attributes (type bits, link count, change time, device and inode) come from Java's
 * {@code unix} attribute view where the platform has one, else from the basic view.
 */
final class Stat {
    private Stat() {
    }

    static Map<String, Object> attributes(Path p) throws IOException {
        try {
            return Files.readAttributes(p, "unix:*", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return Files.readAttributes(p, "*", LinkOption.NOFOLLOW_LINKS);
        }
    }

    /** {@code enum descriptor-type}, by case index. */
    static int type(Map<String, Object> a) {
        Object mode = a.get("mode");
        if (mode instanceof Integer m) {
            switch (m & 0170000) {
                case 0060000: return 1;  // block-device
                case 0020000: return 2;  // character-device
                case 0040000: return 3;  // directory
                case 0010000: return 4;  // fifo
                case 0120000: return 5;  // symbolic-link
                case 0100000: return 6;  // regular-file
                case 0140000: return 7;  // socket
                default: return 0;
            }
        }
        if (Boolean.TRUE.equals(a.get("isDirectory"))) {
            return 3;
        } else if (Boolean.TRUE.equals(a.get("isSymbolicLink"))) {
            return 5;
        } else if (Boolean.TRUE.equals(a.get("isRegularFile"))) {
            return 6;
        }
        return 0;
    }

    /** {@code record descriptor-stat}. */
    static WitValue stat(Path p) throws IOException {
        Map<String, Object> a = attributes(p);
        long links = a.get("nlink") instanceof Integer n ? n : 1;
        return WitValue.record(WitValue.enumCase(type(a)), WitValue.u64(links), WitValue.u64((Long) a.get("size")),
                time(a.get("lastAccessTime")), time(a.get("lastModifiedTime")), time(a.get("ctime")));
    }

    private static WitValue time(Object t) {
        if (t instanceof FileTime ft) {
            Instant i = ft.toInstant();
            return WitValue.some(WallClock.datetime(i.getEpochSecond() * 1_000_000_000L + i.getNano()));
        }
        return WitValue.none();
    }

    /**
     * {@code record metadata-hash-value}: a digest of the device and inode (else the file key, else the
     * path), so that equal files hash equal across descriptors without telling the guest the inode.
     */
    static WitValue hash(Path p) throws IOException {
        Map<String, Object> a = attributes(p);
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(identity(p, a).getBytes(StandardCharsets.UTF_8));
            ByteBuffer b = ByteBuffer.wrap(d);
            return WitValue.record(WitValue.u64(b.getLong()), WitValue.u64(b.getLong()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** Whether two paths are the same file: the same device and inode (or file key), links not followed. */
    static boolean same(Path a, Path b) throws IOException {
        return identity(a, attributes(a)).equals(identity(b, attributes(b)));
    }

    private static String identity(Path p, Map<String, Object> a) {
        return a.containsKey("ino") ? a.get("dev") + ":" + a.get("ino")
                : a.get("fileKey") != null ? a.get("fileKey").toString() : p.toString();
    }
}
