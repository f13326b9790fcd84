package io.fssdk.runtime.wasi.filesystem;

import io.fssdk.runtime.component.WitValue;
import io.fssdk.runtime.wasi.WasiClock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code descriptor} methods that act on the descriptor itself rather than on a path under it (those
 * are {@link PathOps}). Each returns the {@code ok} payload, or null for none, and throws
 * {@link IOException} for the {@code error-code}.
 */
final class FileOps {
    /** The most bytes one {@code read} returns; a short read is allowed by the spec. */
    static final int READ_LIMIT = 1 << 20;

    private final WasiClock clock;

    FileOps(WasiClock clock) {
        this.clock = clock;
    }

    void advise(Descriptor d) throws FsException {
        if (d.isDirectory()) {
            throw new FsException(ErrorCode.BAD_DESCRIPTOR);
        }
    }

    void sync(Descriptor d, boolean metadata) throws IOException {
        if (d.file().isPresent()) {
            d.file().get().channel().force(metadata);
        }
    }

    WitValue flags(Descriptor d) {
        return flags(d.flags());
    }

    static WitValue flags(int bits) {
        return new WitValue.Flags(BitSet.valueOf(new long[] {bits}));
    }

    WitValue type(Descriptor d) throws IOException {
        return WitValue.enumCase(d.isDirectory() ? 3 : Stat.type(Stat.attributes(d.path().host())));
    }

    void setSize(Descriptor d, long size) throws IOException {
        FileChannel ch = d.writable().channel();
        if (size < 0) {
            throw new FsException(ErrorCode.FILE_TOO_LARGE);
        }
        long current = ch.size();
        if (size < current) {
            ch.truncate(size);
        } else if (size > current) {
            // FileChannel only shrinks; one zero byte at the new end grows the file (sparsely where possible).
            ch.write(ByteBuffer.allocate(1), size - 1);
        }
    }

    void setTimes(Resolved p, WitValue access, WitValue modification) throws IOException {
        if (p.root().readOnly()) {
            throw new FsException(ErrorCode.READ_ONLY);
        }
        Files.getFileAttributeView(p.checkedHost(), BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes(time(modification), time(access), null);
    }

    /** {@code variant new-timestamp { no-change, now, timestamp(datetime) }}; null for no change. */
    private FileTime time(WitValue v) throws FsException {
        WitValue.Variant t = (WitValue.Variant) v;
        if (t.caseIndex() == 0) {
            return null;
        }
        if (t.caseIndex() == 1) {
            return FileTime.from(Instant.ofEpochSecond(0, clock.wallNanos()));
        }
        List<WitValue> dt = ((WitValue.Record) t.payload().orElseThrow()).fields();
        try {
            return FileTime.from(Instant.ofEpochSecond(((WitValue.U64) dt.get(0)).value(),
                    Integer.toUnsignedLong(((WitValue.U32) dt.get(1)).value())));
        } catch (DateTimeException e) {
            throw new FsException(ErrorCode.OVERFLOW, e);
        }
    }

    /** {@code tuple<list<u8>, bool>}: the bytes, and whether the end of the file was reached. */
    WitValue read(Descriptor d, long length, long offset) throws IOException {
        FileChannel ch = d.readable().channel();
        int max = length < 0 || length > READ_LIMIT ? READ_LIMIT : (int) length;
        ByteBuffer buf = ByteBuffer.allocate(max);
        int n = offset < 0 ? -1 : ch.read(buf, offset);
        if (n < 0) {
            return WitValue.tuple(WitValue.bytes(new byte[0]), WitValue.bool(true));
        }
        boolean end = offset + n >= ch.size();
        return WitValue.tuple(WitValue.bytes(Arrays.copyOf(buf.array(), n)), WitValue.bool(end));
    }

    WitValue write(Descriptor d, byte[] data, long offset) throws IOException {
        FileChannel ch = d.writable().channel();
        if (offset < 0) {
            throw new FsException(ErrorCode.FILE_TOO_LARGE);
        }
        ByteBuffer buf = ByteBuffer.wrap(data);
        long at = offset;
        while (buf.hasRemaining()) {
            at += ch.write(buf, at);
        }
        return WitValue.u64(data.length);
    }

    /**
     * The entries of a directory as {@code directory-entry} records, sorted by name so that guests see
     * the same order on every host; {@code .} and {@code ..} are not entries.
     */
    List<WitValue> entries(Descriptor d) throws IOException {
        Path dir = d.requireDirectory().checkedHost();
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            s.forEach(children::add);
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        children.sort(Comparator.comparing(c -> c.getFileName().toString()));
        List<WitValue> out = new ArrayList<>(children.size());
        for (Path c : children) {
            int type;
            try {
                type = Stat.type(Stat.attributes(c));
            } catch (IOException e) {
                type = 0;  // removed meanwhile, or unreadable: still listed, as readdir would
            }
            out.add(WitValue.record(WitValue.enumCase(type), WitValue.string(c.getFileName().toString())));
        }
        return out;
    }
}
