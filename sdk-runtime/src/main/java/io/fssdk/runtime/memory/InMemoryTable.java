package io.fssdk.runtime.memory;

import io.fssdk.api.spi.KeyCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The data of one in-memory store: storage keys ({@link KeyCodec}) to values, in unsigned byte order.
 *
 * <p>The table owns every array it holds and never changes one in place (merge builds a new array), so
 * arrays may be shared with checkpoints and snapshots; copying at the API boundary is the caller's job.
 * Reads are lock-free. Writes take the table lock so that they are serialized with snapshot
 * registration and checkpoints, and so that each write records pre-images for open snapshots before it
 * changes the live map (see {@link InMemorySnapshot}).
 */
final class InMemoryTable {
    private final ConcurrentSkipListMap<byte[], byte[]> entries;
    // Added under the lock, so a writer (which holds it) sees every snapshot taken before its write.
    private final Set<InMemorySnapshot> snapshots = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();

    InMemoryTable() {
        this(new ConcurrentSkipListMap<>(KeyCodec::compare));
    }

    private InMemoryTable(ConcurrentSkipListMap<byte[], byte[]> entries) {
        this.entries = entries;
    }

    /** The value under {@code key}, or {@code null}. The array is shared: copy it before handing it out. */
    byte[] get(byte[] key) {
        return entries.get(key);
    }

    /** Sets {@code key} to {@code value}; the table takes ownership of both arrays. */
    void put(byte[] key, byte[] value) {
        lock.lock();
        try {
            if (!snapshots.isEmpty()) {
                preserve(key, entries.get(key));
            }
            entries.put(key, value);
        } finally {
            lock.unlock();
        }
    }

    /** Removes {@code key} if present. */
    void remove(byte[] key) {
        lock.lock();
        try {
            if (!snapshots.isEmpty()) {
                byte[] old = entries.get(key);
                if (old == null) {
                    return;
                }
                preserve(key, old);
            }
            entries.remove(key);
        } finally {
            lock.unlock();
        }
    }

    /** Appends {@code suffix} to the value under {@code key}, an absent key counting as empty. */
    void append(byte[] key, byte[] suffix) {
        lock.lock();
        try {
            byte[] old = entries.get(key);
            preserve(key, old);
            entries.put(key, old == null ? suffix : KeyCodec.concat(old, suffix));
        } finally {
            lock.unlock();
        }
    }

    /** Removes every key in [from, to); an empty {@code to} means unbounded. */
    void removeRange(byte[] from, byte[] to) {
        lock.lock();
        try {
            NavigableMap<byte[], byte[]> range = range(from, to);
            if (!snapshots.isEmpty()) {
                for (Map.Entry<byte[], byte[]> e : range.entrySet()) {
                    preserve(e.getKey(), e.getValue());
                }
            }
            range.clear();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The keys in [from, to) with their first {@code strip} bytes removed, as new arrays. An empty
     * {@code to} means unbounded. The listing is weakly consistent, like any read outside a snapshot.
     */
    List<byte[]> keys(byte[] from, byte[] to, int strip) {
        List<byte[]> out = new ArrayList<>();
        for (byte[] key : range(from, to).keySet()) {
            out.add(Arrays.copyOfRange(key, strip, key.length));
        }
        return out;
    }

    /** Registers and returns a snapshot of [from, to); the caller must {@link #release} it. */
    InMemorySnapshot snapshot(byte[] from, byte[] to) {
        lock.lock();
        try {
            InMemorySnapshot snapshot = new InMemorySnapshot(entries, from, to);
            snapshots.add(snapshot);
            return snapshot;
        } finally {
            lock.unlock();
        }
    }

    /** Stops recording pre-images for {@code snapshot}. Idempotent. */
    void release(InMemorySnapshot snapshot) {
        snapshots.remove(snapshot);
    }

    /**
     * Copies every table under all their locks at once, so the copies form one consistent cut across
     * stores. Arrays are shared, which is safe because tables never change an array in place.
     */
    static Map<String, InMemoryTable> copyAll(Map<String, InMemoryTable> tables) {
        List<InMemoryTable> locked = new ArrayList<>();
        try {
            // Writers hold at most one table lock and never wait for another, so any order is deadlock-free.
            for (InMemoryTable table : tables.values()) {
                table.lock.lock();
                locked.add(table);
            }
            Map<String, InMemoryTable> copy = new ConcurrentHashMap<>();
            tables.forEach((name, table) -> copy.put(name, table.copy()));
            return copy;
        } finally {
            locked.forEach(table -> table.lock.unlock());
        }
    }

    /** A consistent copy of this table, taken under its lock so no write is half seen. */
    InMemoryTable lockedCopy() {
        lock.lock();
        try {
            return copy();
        } finally {
            lock.unlock();
        }
    }

    /** A copy of this table with no snapshots. Arrays are shared; see {@link #copyAll}. */
    InMemoryTable copy() {
        return new InMemoryTable(entries.clone());
    }

    private void preserve(byte[] key, byte[] oldValue) {
        for (InMemorySnapshot snapshot : snapshots) {
            if (snapshot.covers(key)) {
                snapshot.preserve(key, oldValue);
            }
        }
    }

    private NavigableMap<byte[], byte[]> range(byte[] from, byte[] to) {
        if (to.length == 0) {
            return entries.tailMap(from, true);
        }
        if (KeyCodec.compare(from, to) >= 0) {
            // subMap rejects from > to; an inverted or empty range simply holds nothing.
            return entries.subMap(from, true, from, false);
        }
        return entries.subMap(from, true, to, false);
    }
}
