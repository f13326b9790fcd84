package io.fssdk.api;

import io.fssdk.api.internal.ComplexKeyParts;
import io.fssdk.api.spi.KeyCodec;
import java.util.Arrays;
import java.util.Objects;

/**
 * A four-part state key: key group, key, namespace and user key, as in WIT {@code complex-key}.
 *
 * <p>Unlike Function Stream, which concatenates the parts, fssdk-java stores a complex key in an
 * unambiguous, order-preserving encoding ({@link KeyCodec#complexKey(ComplexKey)}): {@code ("a","bc")} and {@code ("ab","c")}
 * are different keys, a scan of key {@code "u1"} never sees key {@code "u10"}, and within one
 * (keyGroup, key, namespace) the user keys sort by unsigned bytes.
 *
 * <p>Every part is copied on the way in and on the way out; equality is by content.
 *
 * @param keyGroup the key group, often a hash bucket
 * @param key the primary key
 * @param namespace the namespace, often a window or a state name
 * @param userKey the user key, compared and prefix-matched as raw bytes
 */
public record ComplexKey(byte[] keyGroup, byte[] key, byte[] namespace, byte[] userKey) {
    static {
        ComplexKeyParts.install(new ComplexKeyParts() {
            @Override
            public byte[] keyGroup(ComplexKey k) {
                return k.keyGroup;
            }

            @Override
            public byte[] key(ComplexKey k) {
                return k.key;
            }

            @Override
            public byte[] namespace(ComplexKey k) {
                return k.namespace;
            }

            @Override
            public byte[] userKey(ComplexKey k) {
                return k.userKey;
            }
        });
    }

    /** Copies every part and rejects nulls. */
    public ComplexKey {
        keyGroup = Objects.requireNonNull(keyGroup, "keyGroup").clone();
        key = Objects.requireNonNull(key, "key").clone();
        namespace = Objects.requireNonNull(namespace, "namespace").clone();
        userKey = Objects.requireNonNull(userKey, "userKey").clone();
    }

    /** A copy of the key group. */
    @Override
    public byte[] keyGroup() {
        return keyGroup.clone();
    }

    /** A copy of the key. */
    @Override
    public byte[] key() {
        return key.clone();
    }

    /** A copy of the namespace. */
    @Override
    public byte[] namespace() {
        return namespace.clone();
    }

    /** A copy of the user key. */
    @Override
    public byte[] userKey() {
        return userKey.clone();
    }

    /** The length of the user key, without copying it. */
    public int userKeyLength() {
        return userKey.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComplexKey k
                && Arrays.equals(keyGroup, k.keyGroup)
                && Arrays.equals(key, k.key)
                && Arrays.equals(namespace, k.namespace)
                && Arrays.equals(userKey, k.userKey);
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(keyGroup);
        h = 31 * h + Arrays.hashCode(key);
        h = 31 * h + Arrays.hashCode(namespace);
        return 31 * h + Arrays.hashCode(userKey);
    }

    @Override
    public String toString() {
        return "ComplexKey[keyGroup=" + KeyCodec.printable(keyGroup) + ", key=" + KeyCodec.printable(key)
                + ", namespace=" + KeyCodec.printable(namespace) + ", userKey=" + KeyCodec.printable(userKey) + "]";
    }
}
