package io.fssdk.api.state;

import io.fssdk.api.ComplexKey;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ListState} in one store value: a sequence of frames, each {@code [expiry (8 bytes, with a TTL)]
 * [length (varint)] [element]}. Frames are self-delimiting, so appending is a {@code Store.merge} of new
 * frames and never reads the list.
 */
final class StoreListState<E> implements ListState<E> {
    private final StateScope scope;
    private final Codec<E> codec;
    private final Ttl ttl;

    StoreListState(StateScope scope, Codec<E> codec, StateTtl ttl) {
        this.scope = scope;
        this.codec = codec;
        this.ttl = ttl == null ? null : new Ttl(scope, ttl, this::clean);
    }

    @Override
    public void add(E element) {
        addAll(List.of(Objects.requireNonNull(element, "element")));
    }

    @Override
    public void addAll(Collection<? extends E> elements) {
        if (elements.isEmpty()) {
            return;
        }
        long expiry = ttl == null ? 0 : ttl.expiryFrom(ttl.now());
        ComplexKey key = scope.valueKey();
        scope.store.merge(key, frames(elements, expiry));
        if (ttl != null) {
            ttl.written(key, expiry);
        }
    }

    @Override
    public List<E> get() {
        ComplexKey key = scope.valueKey();
        Optional<byte[]> stored = scope.store.get(key);
        if (stored.isEmpty()) {
            return List.of();
        }
        List<byte[]> payloads = new ArrayList<>();
        long now = ttl == null ? 0 : ttl.now();
        boolean dropped = parse(stored.get(), now, payloads);
        List<E> out = new ArrayList<>(payloads.size());
        for (byte[] p : payloads) {
            out.add(scope.decode(codec, p));
        }
        if (ttl != null && ttl.refreshOnRead() && !payloads.isEmpty()) {
            long expiry = ttl.expiryFrom(now);
            scope.store.put(key, rawFrames(payloads, expiry));
            ttl.written(key, expiry);
        } else if (dropped) {
            rewrite(key, now, stored.get());
        }
        return List.copyOf(out);
    }

    @Override
    public void update(Collection<? extends E> elements) {
        ComplexKey key = scope.valueKey();
        if (elements.isEmpty()) {
            scope.store.delete(key);
            return;
        }
        long expiry = ttl == null ? 0 : ttl.expiryFrom(ttl.now());
        scope.store.put(key, frames(elements, expiry));
        if (ttl != null) {
            ttl.written(key, expiry);
        }
    }

    @Override
    public void clear() {
        scope.store.delete(scope.valueKey());
    }

    private void clean(ComplexKey entry, long now) {
        Optional<byte[]> stored = scope.store.get(entry);
        if (stored.isPresent()) {
            List<byte[]> payloads = new ArrayList<>();
            if (parse(stored.get(), now, payloads)) {
                rewrite(entry, now, stored.get());
            }
        }
    }

    /** Writes back the unexpired elements of {@code old}, keeping each one's own expiry. */
    private void rewrite(ComplexKey key, long now, byte[] old) {
        byte[] kept = keepUnexpired(old, now);
        if (kept.length == 0) {
            scope.store.delete(key);
        } else {
            scope.store.put(key, kept);
        }
    }

    private byte[] frames(Collection<? extends E> elements, long expiry) {
        List<byte[]> payloads = new ArrayList<>(elements.size());
        for (E e : elements) {
            payloads.add(codec.encode(Objects.requireNonNull(e, "element")));
        }
        return rawFrames(payloads, expiry);
    }

    private byte[] rawFrames(List<byte[]> payloads, long expiry) {
        int header = ttl == null ? 0 : Ttl.HEADER;
        int size = 0;
        for (byte[] p : payloads) {
            size += header + Bytes.varIntSize(p.length) + p.length;
        }
        byte[] out = new byte[size];
        int at = 0;
        for (byte[] p : payloads) {
            if (ttl != null) {
                Bytes.putLong(out, at, expiry);
                at += Ttl.HEADER;
            }
            at = Bytes.putVarInt(out, at, p.length);
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** Splits frames into {@code out}, leaving out expired ones; returns whether any was expired. */
    private boolean parse(byte[] bytes, long now, List<byte[]> out) {
        boolean dropped = false;
        int[] pos = {0};
        try {
            while (pos[0] < bytes.length) {
                long expiry = Long.MAX_VALUE;
                if (ttl != null) {
                    expiry = Bytes.getLong(bytes, pos[0]);
                    pos[0] += Ttl.HEADER;
                }
                int length = Bytes.getVarInt(bytes, pos);
                if (length > bytes.length - pos[0]) {
                    throw new IllegalArgumentException("element of " + length + " bytes runs past the end");
                }
                if (ttl != null && Ttl.expired(expiry, now)) {
                    dropped = true;
                } else {
                    out.add(Arrays.copyOfRange(bytes, pos[0], pos[0] + length));
                }
                pos[0] += length;
            }
        } catch (RuntimeException e) {
            throw scope.corrupt("list frame at byte " + pos[0] + ": " + e.getMessage(), e);
        }
        return dropped;
    }

    /** The frames of {@code bytes} whose expiry has not passed, as they are. */
    private byte[] keepUnexpired(byte[] bytes, long now) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        int[] pos = {0};
        while (pos[0] < bytes.length) {
            int start = pos[0];
            long expiry = Bytes.getLong(bytes, pos[0]);
            pos[0] += Ttl.HEADER;
            int length = Bytes.getVarInt(bytes, pos);
            pos[0] += length;
            if (!Ttl.expired(expiry, now)) {
                out.write(bytes, start, pos[0] - start);
            }
        }
        return out.toByteArray();
    }
}
