package io.fssdk.runtime;

import io.fssdk.api.StoreIterator;
import io.fssdk.api.spi.KeyCodec;
import io.fssdk.api.spi.PendingWrite;
import io.fssdk.api.spi.StoreWrites;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads through a call's buffered writes: what a {@link RunnerStore} returns when its
 * {@link StoreWrites} are not empty. The rules: a pending put or delete decides a key; a pending merge
 * appends to the backend's value; a pending range delete hides the backend's keys it covers.
 */
final class BatchReads {
    private BatchReads() {
    }

    /**
     * The value of a key decided by the batch: {@code w} is its pending write, or {@code null} when a range
     * delete covers it; {@code base} is the backend's value, needed (and given) only for a merge.
     */
    static Optional<byte[]> resolve(PendingWrite w, Optional<byte[]> base) {
        if (w == null) {
            return Optional.empty();
        }
        switch (w.kind()) {
            case PUT:
                return Optional.of(w.value().clone());
            case DELETE:
                return Optional.empty();
            case MERGE:
                return Optional.of(base.isPresent() ? KeyCodec.concat(base.get(), w.value()) : w.value().clone());
            default:
                throw new IllegalStateException("unknown kind " + w.kind());
        }
    }

    /**
     * Merges the backend's keys of a listing (stripped of {@code prefix}) with the batch's pending writes
     * in the storage range [from, to): keys the batch decides or range-deletes are taken from the batch.
     * The result is stripped of {@code prefix} too, in unsigned order.
     */
    static List<byte[]> mergeKeys(StoreWrites writes, List<byte[]> base, byte[] prefix, byte[] from, byte[] to) {
        List<byte[]> out = new ArrayList<>(base.size() + 4);
        for (byte[] k : base) {
            byte[] storageKey = KeyCodec.concat(prefix, k);
            if (writes.get(storageKey) == null && !writes.deletedByRange(storageKey)) {
                out.add(k);
            }
        }
        for (Map.Entry<byte[], PendingWrite> e : writes.pending(from, to).entrySet()) {
            if (e.getValue().kind() != PendingWrite.Kind.DELETE) {
                byte[] key = e.getKey();
                out.add(Arrays.copyOfRange(key, prefix.length, key.length));
            }
        }
        out.sort(Arrays::compareUnsigned);
        return out;
    }

    /**
     * A scan of one (keyGroup, key, namespace) prefix that merges the backend's snapshot iterator
     * {@code base} with a copy of the batch's writes under the prefix, taken now: like the backend's scan,
     * it is a snapshot, and later writes of the same call do not show. Merges are resolved now through
     * {@code baseGet} (user key to the backend's value).
     */
    static StoreIterator scan(RunnerStore owner, StoreWrites writes, StoreIterator base, byte[] prefix,
            Function<byte[], Optional<byte[]>> baseGet) {
        TreeMap<byte[], byte[]> overlay = new TreeMap<>(Arrays::compareUnsigned);
        for (Map.Entry<byte[], PendingWrite> e : writes.pending(prefix, KeyCodec.prefixEnd(prefix)).entrySet()) {
            byte[] storageKey = e.getKey();
            byte[] userKey = Arrays.copyOfRange(storageKey, prefix.length, storageKey.length);
            PendingWrite w = e.getValue();
            // A delete is kept as a null value: it hides the backend's entry and yields nothing itself.
            overlay.put(userKey, resolve(w, w.kind() == PendingWrite.Kind.MERGE ? baseGet.apply(userKey) : null)
                    .orElse(null));
        }
        List<byte[][]> ranges = new ArrayList<>(writes.rangeDeletes());
        return new BatchedIterator(owner, base, prefix, overlay, ranges);
    }
}
