package io.fssdk.runtime.component.link;

import com.dylibso.chicory.compiler.Cache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiled code kept on disk between JVMs, in one directory that several JVMs may share.
 *
 * <p>Each entry is one file named by the SHA-256 of its key (the generator names what the key covers: the
 * module's content and the generator's version and options). A file holds a magic tag, the SHA-256 of
 * the payload and the payload. Writes go to a temporary file in the same directory that is then renamed
 * over the entry, so a reader sees a whole entry or none. A read whose tag or checksum does not match (a
 * truncated, corrupt or foreign file) deletes the entry and reports a miss, so the code is compiled again
 * and wrong code is never loaded. Cache failures are never fatal: they are logged and count as misses.
 */
final class CodeCache {
    private static final Logger LOG = LoggerFactory.getLogger(CodeCache.class);
    private static final byte[] MAGIC = "fssdk-code-cache-1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int DIGEST = 32;

    private final Path directory;

    CodeCache(Path directory) {
        this.directory = directory;
    }

    /** The payload stored under {@code key}, or null for a miss (absent, unreadable or corrupt). */
    byte[] get(String key) {
        Path file = fileOf(key);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.warn("code cache: cannot read {}: {}", file, e.toString());
            return null;
        }
        int header = MAGIC.length + DIGEST;
        if (bytes.length < header || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
                || !Arrays.equals(bytes, MAGIC.length, header, sha256(bytes, header, bytes.length - header), 0,
                        DIGEST)) {
            LOG.warn("code cache: {} is truncated or corrupt; deleting it and compiling again", file);
            deleteQuietly(file);
            return null;
        }
        return Arrays.copyOfRange(bytes, header, bytes.length);
    }

    /** Stores {@code payload} under {@code key}, atomically; a failure is logged, not thrown. */
    void put(String key, byte[] payload) {
        Path file = fileOf(key);
        Path tmp = null;
        try {
            Files.createDirectories(directory);
            tmp = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
            byte[] out = new byte[MAGIC.length + DIGEST + payload.length];
            System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
            System.arraycopy(sha256(payload, 0, payload.length), 0, out, MAGIC.length, DIGEST);
            System.arraycopy(payload, 0, out, MAGIC.length + DIGEST, payload.length);
            Files.write(tmp, out);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException | RuntimeException e) {
            LOG.warn("code cache: cannot write {}: {}", file, e.toString());
        } finally {
            if (tmp != null) {
                deleteQuietly(tmp);
            }
        }
    }

    /** This cache as Chicory's compiler wants it, its entries kept apart from other generators'. */
    Cache forChicory() {
        return new Cache() {
            @Override
            public byte[] get(String key) {
                return CodeCache.this.get("chicory-compiler/" + key);
            }

            @Override
            public void putIfAbsent(String key, byte[] data) {
                if (CodeCache.this.get("chicory-compiler/" + key) == null) {
                    put("chicory-compiler/" + key, data);
                }
            }
        };
    }

    /** The SHA-256 of {@code bytes} in hex: how a cache key names a module's content. */
    static String digest(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes, 0, bytes.length));
    }

    private Path fileOf(String key) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        return directory.resolve(HexFormat.of().formatHex(sha256(k, 0, k.length)) + ".bin");
    }

    private static byte[] sha256(byte[] bytes, int from, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(bytes, from, length);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("code cache: cannot delete {}", file, e);
        }
    }
}
