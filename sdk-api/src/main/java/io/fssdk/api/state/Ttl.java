package io.fssdk.api.state;

import io.fssdk.api.ComplexKey;
import io.fssdk.api.StoreEntry;
import io.fssdk.api.StoreIterator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The TTL machinery of one state: stored values carry their expiry (8 bytes, big-endian milliseconds) in
 * front, and an index in the same store, ordered by expiry, lets cleanup find expired entries without
 * scanning the state (see {@link StateTtl}).
 */
final class Ttl {
    /** Cleans one entry the index says may have expired: delete it, or drop its expired parts. */
    interface Cleaner {
        void clean(ComplexKey entry, long now);
    }

    static final int HEADER = 8;

    private final StateScope scope;
    private final StateTtl config;
    private final byte[] indexGroup;
    private final Cleaner cleaner;
    private int writesSinceCleanup;

    Ttl(StateScope scope, StateTtl config, Cleaner cleaner) {
        this.scope = scope;
        this.config = config;
        // U+0000 cannot appear in a state name, so no state's key group equals this one.
        this.indexGroup = (scope.name + "\u0000ttl").getBytes(StandardCharsets.UTF_8);
        this.cleaner = cleaner;
    }

    long now() {
        return scope.clock.getAsLong();
    }

    boolean refreshOnRead() {
        return config.update() == StateTtl.Update.ON_READ_AND_WRITE;
    }

    /** The expiry of a value written at {@code now}, saturating instead of overflowing. */
    long expiryFrom(long now) {
        long expiry = now + config.millis();
        return expiry < now ? Long.MAX_VALUE : expiry;
    }

    static boolean expired(long expiry, long now) {
        return now >= expiry;
    }

    /** {@code payload} with expiry {@code expiry} in front. */
    static byte[] wrap(byte[] payload, long expiry) {
        byte[] out = new byte[HEADER + payload.length];
        Bytes.putLong(out, 0, expiry);
        System.arraycopy(payload, 0, out, HEADER, payload.length);
        return out;
    }

    long expiryOf(byte[] stored) {
        if (stored.length < HEADER) {
            throw scope.corrupt("value shorter than its ttl header", null);
        }
        return Bytes.getLong(stored, 0);
    }

    static byte[] payload(byte[] stored) {
        return Arrays.copyOfRange(stored, HEADER, stored.length);
    }

    /** Records that {@code entry} was written with {@code expiry}, and runs a cleanup step when one is due. */
    void written(ComplexKey entry, long expiry) {
        ByteArrayOutputStream userKey = new ByteArrayOutputStream(32);
        userKey.write(Bytes.orderedLong(expiry), 0, 8);
        Bytes.writeEscaped(userKey, entry.key());
        Bytes.writeEscaped(userKey, entry.namespace());
        Bytes.writeEscaped(userKey, entry.userKey());
        byte[] indexKey = userKey.toByteArray();
        scope.store.put(new ComplexKey(indexGroup, Bytes.EMPTY, Bytes.EMPTY, indexKey), Bytes.EMPTY);
        // Two triggers: a counter, for state objects that live long (built once in init), and a hash of the
        // index entry, for objects built per record (a fresh counter never reaches the interval) so that
        // they still clean up on about one write in (batch / 2), deterministically.
        int interval = config.cleanupBatch() / 2;
        if (++writesSinceCleanup >= interval || Math.floorMod(mix(Arrays.hashCode(indexKey)), interval) == 0) {
            writesSinceCleanup = 0;
            cleanup(now());
        }
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        return h ^ (h >>> 13);
    }

    /**
     * Looks at up to {@code cleanupBatch} index entries, oldest expiry first, that are due at {@code now}, and
     * cleans their entries. An index entry may be stale (the entry was rewritten later and has a later expiry
     * of its own); the cleaner checks the entry's own expiry, so only expired data goes.
     *
     * @return how many index entries were processed
     */
    int cleanup(long now) {
        int done = 0;
        try (StoreIterator it = scope.store.scanComplex(indexGroup, Bytes.EMPTY, Bytes.EMPTY)) {
            while (done < config.cleanupBatch() && it.hasNext()) {
                StoreEntry e = it.next();
                byte[] k = e.userKey();
                if (!expired(Bytes.getOrderedLong(k, 0), now)) {
                    break;
                }
                int keyEnd = Bytes.escapedEnd(k, HEADER);
                int nsEnd = Bytes.escapedEnd(k, keyEnd);
                int userEnd = Bytes.escapedEnd(k, nsEnd);
                cleaner.clean(new ComplexKey(scope.group, Bytes.unescape(k, HEADER, keyEnd),
                        Bytes.unescape(k, keyEnd, nsEnd), Bytes.unescape(k, nsEnd, userEnd)), now);
                scope.store.delete(new ComplexKey(indexGroup, Bytes.EMPTY, Bytes.EMPTY, k));
                done++;
            }
        }
        return done;
    }
}
