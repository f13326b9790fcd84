package io.fssdk.runtime;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.StoreEntry;
import io.fssdk.api.StoreIterator;
import io.fssdk.api.spi.KeyCodec;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * A scan that merges a backend's snapshot iterator with a snapshot of the call's buffered writes under
 * the same prefix (see {@link BatchReads#scan}). Entries come in unsigned order of user keys; an entry the
 * batch decides comes from the batch, and backend entries under a buffered range delete are skipped.
 */
final class BatchedIterator implements StoreIterator {
    private final RunnerStore owner;
    private final StoreIterator base;
    private final byte[] prefix;
    /** User key to value; a null value is a delete, which hides the backend's entry. */
    private final TreeMap<byte[], byte[]> overlay;
    private final Iterator<Map.Entry<byte[], byte[]>> overlayIt;
    private final List<byte[][]> ranges;
    private StoreEntry nextBase;
    private boolean baseDone;
    private Map.Entry<byte[], byte[]> nextOverlay;
    private boolean closed;

    BatchedIterator(RunnerStore owner, StoreIterator base, byte[] prefix, TreeMap<byte[], byte[]> overlay,
            List<byte[][]> ranges) {
        this.owner = owner;
        this.base = base;
        this.prefix = prefix;
        this.overlay = overlay;
        this.overlayIt = overlay.entrySet().iterator();
        this.ranges = ranges;
    }

    @Override
    public boolean hasNext() {
        ensureOpen();
        advance();
        return nextBase != null || nextOverlay != null;
    }

    @Override
    public StoreEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException("store `" + owner.name() + "`: no more entries in this scan");
        }
        if (nextOverlay == null) {
            return takeBase();
        }
        if (nextBase == null) {
            return takeOverlay();
        }
        // Equal keys cannot happen: a key in the overlay is skipped on the backend's side.
        return Arrays.compareUnsigned(nextBase.userKey(), nextOverlay.getKey()) < 0 ? takeBase() : takeOverlay();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            base.close();
        }
    }

    private StoreEntry takeBase() {
        StoreEntry e = nextBase;
        nextBase = null;
        return e;
    }

    private StoreEntry takeOverlay() {
        Map.Entry<byte[], byte[]> e = nextOverlay;
        nextOverlay = null;
        return new StoreEntry(e.getKey(), e.getValue());
    }

    private void advance() {
        while (nextBase == null && !baseDone) {
            if (!base.hasNext()) {
                baseDone = true;
                break;
            }
            StoreEntry e = base.next();
            byte[] userKey = e.userKey();
            if (!overlay.containsKey(userKey) && !rangeDeleted(KeyCodec.concat(prefix, userKey))) {
                nextBase = e;
            }
        }
        while (nextOverlay == null && overlayIt.hasNext()) {
            Map.Entry<byte[], byte[]> e = overlayIt.next();
            if (e.getValue() != null) {
                nextOverlay = e;
            }
        }
    }

    private boolean rangeDeleted(byte[] storageKey) {
        for (byte[][] r : ranges) {
            if (KeyCodec.compare(storageKey, r[0]) >= 0 && (r[1].length == 0 || KeyCodec.compare(storageKey, r[1]) < 0)) {
                return true;
            }
        }
        return false;
    }

    private void ensureOpen() {
        if (closed || owner.isClosed()) {
            throw new SdkException(ErrorCode.RUNTIME_CLOSED, "store `" + owner.name() + "`: iterator is closed");
        }
    }
}
