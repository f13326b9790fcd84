package io.fssdk.runtime.memory;

import io.fssdk.api.spi.KeyCodec;
import java.util.AbstractMap;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A point-in-time view of one storage-key range [from, to) of an {@link InMemoryTable}, kept by an
 * undo log rather than by a copy.
 *
 * <p>While a snapshot is registered, every writer of its table records the <em>pre-image</em> of each
 * key in the range (its value before the first change, or {@link #ABSENT}) before changing the live map.
 * Reading the snapshot then merges the live map with the pre-images, the pre-image winning. Taking a
 * snapshot is O(1) and costs memory only for keys written while it is open; reading never copies the
 * range.
 */
final class InMemorySnapshot {
    /** The pre-image of a key that did not exist when the snapshot was taken. Compared by identity. */
    static final byte[] ABSENT = new byte[0];

    private final ConcurrentSkipListMap<byte[], byte[]> live;
    private final ConcurrentSkipListMap<byte[], byte[]> preImages =
            new ConcurrentSkipListMap<>(KeyCodec::compare);
    private final byte[] from;
    private final byte[] to;

    /**
     * @param live the table's live map, which this snapshot reads but never writes
     * @param from the first storage key of the range
     * @param to the exclusive storage end of the range; empty means unbounded
     */
    InMemorySnapshot(ConcurrentSkipListMap<byte[], byte[]> live, byte[] from, byte[] to) {
        this.live = live;
        this.from = from;
        this.to = to;
    }

    /** Whether {@code key} lies in this snapshot's range. */
    boolean covers(byte[] key) {
        return KeyCodec.compare(key, from) >= 0 && !beyond(key);
    }

    /**
     * Records the value {@code key} had before a write, unless an earlier write already did. Called by
     * writers under the table lock, before the live map changes.
     *
     * @param oldValue the current value, or {@code null} when the key is absent
     */
    void preserve(byte[] key, byte[] oldValue) {
        preImages.putIfAbsent(key, oldValue == null ? ABSENT : oldValue);
    }

    /**
     * The first entry of the snapshot whose key is above {@code after}, or {@code null} at the end.
     *
     * @param after the last key returned, or {@code null} to start at the beginning of the range
     */
    Map.Entry<byte[], byte[]> next(byte[] after) {
        byte[] cursor = after;
        while (true) {
            // Order matters: read the live map first, then the pre-images. A writer records a pre-image
            // before it changes the live map, so if the live read missed or saw a changed key, the
            // pre-image lookups below are guaranteed to see that key's snapshot value.
            Map.Entry<byte[], byte[]> current = after(live, cursor);
            Map.Entry<byte[], byte[]> saved = after(preImages, cursor);
            if (current != null && beyond(current.getKey())) {
                current = null;
            }
            if (saved != null && beyond(saved.getKey())) {
                saved = null;
            }
            if (current == null && saved == null) {
                return null;
            }
            byte[] key = current == null || (saved != null && KeyCodec.compare(saved.getKey(), current.getKey()) < 0)
                    ? saved.getKey()
                    : current.getKey();
            // A pre-image recorded after our live read still wins: it holds the value at snapshot time.
            byte[] value = preImages.get(key);
            if (value == null) {
                value = current.getValue();
            }
            if (value != ABSENT) {
                return new AbstractMap.SimpleImmutableEntry<>(key, value);
            }
            cursor = key;
        }
    }

    private Map.Entry<byte[], byte[]> after(ConcurrentSkipListMap<byte[], byte[]> map, byte[] cursor) {
        return cursor == null ? map.ceilingEntry(from) : map.higherEntry(cursor);
    }

    private boolean beyond(byte[] key) {
        return to.length > 0 && KeyCodec.compare(key, to) >= 0;
    }
}
