package io.fssdk.api.state;

import io.fssdk.api.ComplexKey;
import java.util.Objects;
import java.util.Optional;

/** {@link ValueState} on one complex key (empty user key); also the storage of aggregating and reducing state. */
final class StoreValueState<T> implements ValueState<T> {
    private final StateScope scope;
    private final Codec<T> codec;
    private final Ttl ttl;

    StoreValueState(StateScope scope, Codec<T> codec, StateTtl ttl) {
        this.scope = scope;
        this.codec = codec;
        this.ttl = ttl == null ? null : new Ttl(scope, ttl, this::clean);
    }

    @Override
    public Optional<T> value() {
        ComplexKey key = scope.valueKey();
        Optional<byte[]> stored = scope.store.get(key);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = stored.get();
        if (ttl == null) {
            return Optional.of(scope.decode(codec, bytes));
        }
        long now = ttl.now();
        if (Ttl.expired(ttl.expiryOf(bytes), now)) {
            scope.store.delete(key);
            return Optional.empty();
        }
        byte[] payload = Ttl.payload(bytes);
        T value = scope.decode(codec, payload);
        if (ttl.refreshOnRead()) {
            write(key, payload, now);
        }
        return Optional.of(value);
    }

    @Override
    public void update(T value) {
        Objects.requireNonNull(value, "value");
        byte[] payload = codec.encode(value);
        ComplexKey key = scope.valueKey();
        if (ttl == null) {
            scope.store.put(key, payload);
        } else {
            write(key, payload, ttl.now());
        }
    }

    @Override
    public void clear() {
        scope.store.delete(scope.valueKey());
    }

    private void write(ComplexKey key, byte[] payload, long now) {
        long expiry = ttl.expiryFrom(now);
        scope.store.put(key, Ttl.wrap(payload, expiry));
        ttl.written(key, expiry);
    }

    private void clean(ComplexKey entry, long now) {
        Optional<byte[]> stored = scope.store.get(entry);
        if (stored.isPresent() && Ttl.expired(ttl.expiryOf(stored.get()), now)) {
            scope.store.delete(entry);
        }
    }
}
