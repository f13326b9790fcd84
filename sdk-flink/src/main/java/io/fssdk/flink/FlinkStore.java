package io.fssdk.flink;

import io.fssdk.api.ComplexKey;
import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.Store;
import io.fssdk.api.StoreEntry;
import io.fssdk.api.StoreIterator;
import io.fssdk.api.spi.KeyCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.api.common.state.MapState;

/**
 * One handle on a store of a {@link FlinkStateBackend}: a Flink {@code MapState<String, byte[]>} whose
 * keys are {@link KeyCodec} storage keys as ISO-8859-1 strings (see the backend's docs for why and for
 * how ranges are served). Values are copied in and out: Flink's heap backend keeps and returns the very
 * arrays it is given.
 */
final class FlinkStore implements Store {
    private final String name;
    private final MapState<String, byte[]> state;
    private final FlinkStateBackend backend;
    private final Set<FlinkStoreIterator> iterators = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean closed;

    FlinkStore(String name, MapState<String, byte[]> state, FlinkStateBackend backend) {
        this.name = name;
        this.state = state;
        this.backend = backend;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void putState(byte[] key, byte[] value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        put(KeyCodec.byteKey(key), value.clone());
    }

    @Override
    public Optional<byte[]> getState(byte[] key) {
        Objects.requireNonNull(key, "key");
        return read(KeyCodec.byteKey(key));
    }

    @Override
    public void deleteState(byte[] key) {
        Objects.requireNonNull(key, "key");
        remove(KeyCodec.byteKey(key));
    }

    @Override
    public List<byte[]> listStates(byte[] startInclusive, byte[] endExclusive) {
        Objects.requireNonNull(startInclusive, "startInclusive");
        Objects.requireNonNull(endExclusive, "endExclusive");
        List<String> keys = keysIn(KeyCodec.byteRangeStart(startInclusive), KeyCodec.byteRangeEnd(endExclusive));
        List<byte[]> out = new ArrayList<>(keys.size());
        for (String k : keys) {
            out.add(KeyCodec.byteKeyOf(bytes(k)));
        }
        return out;
    }

    @Override
    public void put(ComplexKey key, byte[] value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        put(KeyCodec.complexKey(key), value.clone());
    }

    @Override
    public Optional<byte[]> get(ComplexKey key) {
        Objects.requireNonNull(key, "key");
        return read(KeyCodec.complexKey(key));
    }

    @Override
    public void delete(ComplexKey key) {
        Objects.requireNonNull(key, "key");
        remove(KeyCodec.complexKey(key));
    }

    @Override
    public void merge(ComplexKey key, byte[] value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        String k = string(KeyCodec.complexKey(key));
        ensureUsable();
        try {
            byte[] old = state.get(k);
            // A new array either way: the stored one may be shared with Flink's heap backend.
            put(k, old == null ? value.clone() : KeyCodec.concat(old, value));
        } catch (SdkException e) {
            throw e;
        } catch (Exception e) {
            throw io("merge", e);
        }
    }

    @Override
    public void deletePrefix(ComplexKey key) {
        Objects.requireNonNull(key, "key");
        byte[] start = KeyCodec.complexKey(key);
        List<String> doomed = keysIn(start, KeyCodec.prefixEnd(start));
        try {
            for (String k : doomed) {
                state.remove(k);
            }
        } catch (Exception e) {
            throw io("deletePrefix", e);
        }
    }

    @Override
    public List<byte[]> listComplex(byte[] keyGroup, byte[] key, byte[] namespace, byte[] startInclusive,
            byte[] endExclusive) {
        Objects.requireNonNull(startInclusive, "startInclusive");
        Objects.requireNonNull(endExclusive, "endExclusive");
        byte[] prefix = KeyCodec.complexPrefix(Objects.requireNonNull(keyGroup, "keyGroup"),
                Objects.requireNonNull(key, "key"), Objects.requireNonNull(namespace, "namespace"));
        byte[] end = endExclusive.length == 0 ? KeyCodec.prefixEnd(prefix) : KeyCodec.concat(prefix, endExclusive);
        List<String> keys = keysIn(KeyCodec.concat(prefix, startInclusive), end);
        List<byte[]> out = new ArrayList<>(keys.size());
        for (String k : keys) {
            byte[] storage = bytes(k);
            out.add(Arrays.copyOfRange(storage, prefix.length, storage.length));
        }
        return out;
    }

    @Override
    public StoreIterator scanComplex(byte[] keyGroup, byte[] key, byte[] namespace) {
        byte[] prefix = KeyCodec.complexPrefix(Objects.requireNonNull(keyGroup, "keyGroup"),
                Objects.requireNonNull(key, "key"), Objects.requireNonNull(namespace, "namespace"));
        String from = string(prefix);
        String to = string(KeyCodec.prefixEnd(prefix));
        ensureUsable();
        List<Map.Entry<String, byte[]>> matches = new ArrayList<>();
        try {
            Iterable<Map.Entry<String, byte[]>> entries = state.entries();
            if (entries != null) {
                for (Map.Entry<String, byte[]> e : entries) {
                    if (inRange(e.getKey(), from, to)) {
                        // Copied now: this is the scan's snapshot, and the heap backend's arrays are live.
                        matches.add(Map.entry(e.getKey(), e.getValue().clone()));
                    }
                }
            }
        } catch (Exception e) {
            throw io("scanComplex", e);
        }
        matches.sort(Map.Entry.comparingByKey());
        List<StoreEntry> snapshot = new ArrayList<>(matches.size());
        for (Map.Entry<String, byte[]> e : matches) {
            byte[] storage = bytes(e.getKey());
            snapshot.add(new StoreEntry(Arrays.copyOfRange(storage, prefix.length, storage.length),
                    e.getValue()));
        }
        FlinkStoreIterator it = new FlinkStoreIterator(name, snapshot, this);
        iterators.add(it);
        return it;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // The handle first, then its iterators, as the Store contract says.
        for (FlinkStoreIterator it : new ArrayList<>(iterators)) {
            it.close();
        }
        iterators.clear();
        backend.forget(this);
    }

    /** Called by an iterator when it closes. */
    void forget(FlinkStoreIterator it) {
        iterators.remove(it);
    }

    /** Whether this handle or its backend is closed. */
    boolean isClosed() {
        return closed || backend.isClosed();
    }

    @Override
    public String toString() {
        return "FlinkStore[" + name + (closed ? ", closed]" : "]");
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private void put(byte[] storageKey, byte[] ownedValue) {
        put(string(storageKey), ownedValue);
    }

    private void put(String key, byte[] ownedValue) {
        ensureUsable();
        try {
            state.put(key, ownedValue);
        } catch (Exception e) {
            throw io("put", e);
        }
    }

    private Optional<byte[]> read(byte[] storageKey) {
        String k = string(storageKey);
        ensureUsable();
        byte[] v;
        try {
            v = state.get(k);
        } catch (Exception e) {
            throw io("get", e);
        }
        return v == null ? Optional.empty() : Optional.of(v.clone());
    }

    private void remove(byte[] storageKey) {
        String k = string(storageKey);
        ensureUsable();
        try {
            state.remove(k);
        } catch (Exception e) {
            throw io("delete", e);
        }
    }

    /** The storage keys in [from, to) (an empty {@code to}: unbounded), sorted. */
    private List<String> keysIn(byte[] fromBytes, byte[] toBytes) {
        String from = string(fromBytes);
        String to = string(toBytes);
        ensureUsable();
        List<String> out = new ArrayList<>();
        try {
            Iterable<String> keys = state.keys();
            if (keys != null) {
                for (String k : keys) {
                    if (inRange(k, from, to)) {
                        out.add(k);
                    }
                }
            }
        } catch (Exception e) {
            throw io("list", e);
        }
        Collections.sort(out);
        return out;
    }

    private static boolean inRange(String k, String from, String to) {
        // Latin-1 strings compare char by char as unsigned bytes: the order of KeyCodec.compare.
        return k.compareTo(from) >= 0 && (to.isEmpty() || k.compareTo(to) < 0);
    }

    private void ensureUsable() {
        if (isClosed()) {
            throw FlinkStateBackend.closedError(name);
        }
        backend.ensureKeyInScope(name);
    }

    private SdkException io(String what, Exception e) {
        return new SdkException(ErrorCode.STORE_IO, "store `" + name + "`: Flink keyed state failed in " + what
                + ": " + e, e);
    }

    static String string(byte[] storageKey) {
        return new String(storageKey, StandardCharsets.ISO_8859_1);
    }

    static byte[] bytes(String storageKey) {
        return storageKey.getBytes(StandardCharsets.ISO_8859_1);
    }
}
