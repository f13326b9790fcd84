package io.fssdk.api.state;

import io.fssdk.api.ComplexKey;
import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.StoreEntry;
import io.fssdk.api.StoreIterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** {@link MapState}: one complex key per entry, the encoded map key as user key. */
final class StoreMapState<K, V> implements MapState<K, V> {
    private final StateScope scope;
    private final Codec<K> keyCodec;
    private final Codec<V> valueCodec;
    private final Ttl ttl;

    StoreMapState(StateScope scope, Codec<K> keyCodec, Codec<V> valueCodec, StateTtl ttl) {
        this.scope = scope;
        this.keyCodec = keyCodec;
        this.valueCodec = valueCodec;
        this.ttl = ttl == null ? null : new Ttl(scope, ttl, this::clean);
    }

    @Override
    public Optional<V> get(K key) {
        ComplexKey entry = scope.entryKey(keyCodec.encode(Objects.requireNonNull(key, "key")));
        Optional<byte[]> stored = scope.store.get(entry);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        byte[] payload = live(entry, stored.get());
        return payload == null ? Optional.empty() : Optional.of(scope.decode(valueCodec, payload));
    }

    @Override
    public void put(K key, V value) {
        Objects.requireNonNull(value, "value");
        ComplexKey entry = scope.entryKey(keyCodec.encode(Objects.requireNonNull(key, "key")));
        byte[] payload = valueCodec.encode(value);
        if (ttl == null) {
            scope.store.put(entry, payload);
        } else {
            write(entry, payload, ttl.now());
        }
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> entries) {
        entries.forEach(this::put);
    }

    @Override
    public void remove(K key) {
        scope.store.delete(scope.entryKey(keyCodec.encode(Objects.requireNonNull(key, "key"))));
    }

    @Override
    public boolean contains(K key) {
        return get(key).isPresent();
    }

    @Override
    public boolean isEmpty() {
        try (StateIterator<Map.Entry<K, V>> it = iterator()) {
            return !it.hasNext();
        }
    }

    @Override
    public void clear() {
        scope.store.deletePrefix(scope.entryKey(Bytes.EMPTY));
    }

    @Override
    public StateIterator<Map.Entry<K, V>> iterator() {
        byte[] key = scope.key();
        return new Entries(key, scope.store.scanComplex(scope.group, key, scope.namespace));
    }

    @Override
    public Stream<Map.Entry<K, V>> entries() {
        StateIterator<Map.Entry<K, V>> it = iterator();
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it,
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT), false).onClose(it::close);
    }

    /**
     * The payload of a stored value, or null when it expired (and is deleted now). With refresh-on-read it
     * is written back with a new expiry.
     */
    private byte[] live(ComplexKey entry, byte[] stored) {
        if (ttl == null) {
            return stored;
        }
        long now = ttl.now();
        if (Ttl.expired(ttl.expiryOf(stored), now)) {
            scope.store.delete(entry);
            return null;
        }
        byte[] payload = Ttl.payload(stored);
        if (ttl.refreshOnRead()) {
            write(entry, payload, now);
        }
        return payload;
    }

    private void write(ComplexKey entry, byte[] payload, long now) {
        long expiry = ttl.expiryFrom(now);
        scope.store.put(entry, Ttl.wrap(payload, expiry));
        ttl.written(entry, expiry);
    }

    private void clean(ComplexKey entry, long now) {
        Optional<byte[]> stored = scope.store.get(entry);
        if (stored.isPresent() && Ttl.expired(ttl.expiryOf(stored.get()), now)) {
            scope.store.delete(entry);
        }
    }

    /** Decodes a scan lazily, skipping (and deleting) expired entries. */
    private final class Entries implements StateIterator<Map.Entry<K, V>> {
        private final byte[] key;
        private final StoreIterator scan;
        private Map.Entry<K, V> next;
        private boolean exhausted;
        private boolean closed;

        Entries(byte[] key, StoreIterator scan) {
            this.key = key;
            this.scan = scan;
        }

        @Override
        public boolean hasNext() {
            if (closed) {
                throw new SdkException(ErrorCode.RUNTIME_CLOSED, "map state `" + scope.name + "`: iterator used after close");
            }
            if (exhausted) {
                return next != null;
            }
            while (next == null) {
                if (!scan.hasNext()) {
                    // Read to the end: free the snapshot now, so a stream consumed to the end without
                    // try-with-resources holds nothing until the store closes.
                    exhausted = true;
                    scan.close();
                    break;
                }
                StoreEntry e = scan.next();
                byte[] userKey = e.userKey();
                byte[] payload = live(new ComplexKey(scope.group, key, scope.namespace, userKey), e.value());
                if (payload != null) {
                    next = Map.entry(scope.decode(keyCodec, userKey), scope.decode(valueCodec, payload));
                }
            }
            return next != null;
        }

        @Override
        public Map.Entry<K, V> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Map.Entry<K, V> out = next;
            next = null;
            return out;
        }

        @Override
        public void close() {
            closed = true;
            scan.close();
        }
    }
}
