package io.fssdk.api.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The buffered writes of one store in a {@link WriteBatch}, in the storage-key space of {@link KeyCodec}:
 * the point writes (put, delete, merge) by key, and the range deletes. Not thread-safe: a batch belongs
 * to one runner thread.
 *
 * <p><b>Invariant</b> that makes {@link WriteBatch#replay} simple and exact: a point write is kept only if
 * it was made after every range delete that covers its key (a range delete drops the point writes it
 * covers), and a {@link PendingWrite.Kind#MERGE} is kept only for a key that no range delete covers (a
 * merge onto a range-deleted key becomes a put). So applying every range delete first, then every
 * point write, reproduces the order in which they were made.
 */
public final class StoreWrites {
    private final String name;
    private final WriteBatch batch;
    private final TreeMap<byte[], PendingWrite> pending = new TreeMap<>(KeyCodec::compare);
    private final NavigableMap<byte[], PendingWrite> pendingView = Collections.unmodifiableNavigableMap(pending);
    /** Range deletes as {from, to} pairs, in the order they were made; an empty {@code to} is unbounded. */
    private final List<byte[][]> ranges = new ArrayList<>(2);

    StoreWrites(String name, WriteBatch batch) {
        this.name = name;
        this.batch = batch;
    }

    /** The (normalised) name of the store these writes go to. */
    public String name() {
        return name;
    }

    /** Whether nothing is buffered for this store. */
    public boolean isEmpty() {
        return pending.isEmpty() && ranges.isEmpty();
    }

    /** Buffers a put; the batch takes ownership of both arrays. */
    public void put(byte[] key, byte[] value) {
        batch.touched((long) key.length + value.length);
        pending.put(key, PendingWrite.put(value));
    }

    /** Buffers a delete of {@code key}, which the batch takes ownership of. */
    public void delete(byte[] key) {
        batch.touched(key.length);
        pending.put(key, PendingWrite.delete());
    }

    /** Buffers an append to the value under {@code key}; the batch takes ownership of both arrays. */
    public void merge(byte[] key, byte[] suffix) {
        batch.touched((long) key.length + suffix.length);
        PendingWrite old = pending.get(key);
        PendingWrite now;
        if (old == null) {
            now = deletedByRange(key) ? PendingWrite.put(suffix) : PendingWrite.merge(suffix);
        } else {
            switch (old.kind()) {
                case PUT -> now = PendingWrite.put(KeyCodec.concat(old.value(), suffix));
                case DELETE -> now = PendingWrite.put(suffix);
                case MERGE -> now = PendingWrite.merge(KeyCodec.concat(old.value(), suffix));
                default -> throw new IllegalStateException("unknown kind " + old.kind());
            }
        }
        pending.put(key, now);
    }

    /** Buffers a delete of every key in [from, to); an empty {@code to} means unbounded. */
    public void deleteRange(byte[] from, byte[] to) {
        batch.touched((long) from.length + to.length);
        range(from, to).clear();
        ranges.add(new byte[][] {from, to});
    }

    /** The pending write under {@code key}, or {@code null} when there is none (see {@link #deletedByRange}). */
    public PendingWrite get(byte[] key) {
        return pending.isEmpty() ? null : pending.get(key);
    }

    /** Whether a buffered range delete covers {@code key} (and no later point write was made to it). */
    public boolean deletedByRange(byte[] key) {
        for (byte[][] r : ranges) {
            if (KeyCodec.compare(key, r[0]) >= 0 && (r[1].length == 0 || KeyCodec.compare(key, r[1]) < 0)) {
                return true;
            }
        }
        return false;
    }

    /** Whether any buffered write can change what a read of [from, to) sees; an empty {@code to} is unbounded. */
    public boolean touches(byte[] from, byte[] to) {
        if (!pending.isEmpty() && !range(from, to).isEmpty()) {
            return true;
        }
        for (byte[][] r : ranges) {
            boolean startsBeforeEnd = to.length == 0 || KeyCodec.compare(r[0], to) < 0;
            boolean endsAfterStart = r[1].length == 0 || KeyCodec.compare(r[1], from) > 0;
            if (startsBeforeEnd && endsAfterStart) {
                return true;
            }
        }
        return false;
    }

    /** The pending point writes in [from, to) in key order, read-only; an empty {@code to} is unbounded. */
    public NavigableMap<byte[], PendingWrite> pending(byte[] from, byte[] to) {
        return Collections.unmodifiableNavigableMap(range(from, to));
    }

    /** Every pending point write, in key order, read-only. */
    public NavigableMap<byte[], PendingWrite> pending() {
        return pendingView;
    }

    /** The range deletes as {from, to} pairs in the order they were made; read-only, arrays shared. */
    public List<byte[][]> rangeDeletes() {
        return Collections.unmodifiableList(ranges);
    }

    void clear() {
        pending.clear();
        ranges.clear();
    }

    private NavigableMap<byte[], PendingWrite> range(byte[] from, byte[] to) {
        if (to.length == 0) {
            return pending.tailMap(from, true);
        }
        if (KeyCodec.compare(from, to) >= 0) {
            return pending.subMap(from, true, from, false);
        }
        return pending.subMap(from, true, to, false);
    }

    @Override
    public String toString() {
        return "StoreWrites[" + name + ", " + pending.size() + " point writes, " + ranges.size() + " range deletes]";
    }

    /** For {@link WriteBatch#replay}: range deletes first, then point writes (see the class docs). */
    void replay(WriteBatch.Target target) {
        for (byte[][] r : ranges) {
            target.deleteRange(name, r[0], r[1]);
        }
        for (Map.Entry<byte[], PendingWrite> e : pending.entrySet()) {
            PendingWrite w = e.getValue();
            switch (w.kind()) {
                case PUT -> target.put(name, e.getKey(), w.value());
                case DELETE -> target.delete(name, e.getKey());
                case MERGE -> target.merge(name, e.getKey(), w.value());
                default -> throw new IllegalStateException("unknown kind " + w.kind());
            }
        }
    }
}
