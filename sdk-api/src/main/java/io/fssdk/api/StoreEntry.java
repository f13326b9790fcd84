package io.fssdk.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * One (userKey, value) pair produced by {@link StoreIterator#next()}. Both arrays are copied on the way
 * in and on the way out.
 *
 * @param userKey the user key of the complex key
 * @param value the stored value
 */
public record StoreEntry(byte[] userKey, byte[] value) {
    /** Copies both arrays and rejects nulls. */
    public StoreEntry {
        userKey = Objects.requireNonNull(userKey, "userKey").clone();
        value = Objects.requireNonNull(value, "value").clone();
    }

    /** A copy of the user key. */
    @Override
    public byte[] userKey() {
        return userKey.clone();
    }

    /** A copy of the value. */
    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoreEntry e && Arrays.equals(userKey, e.userKey) && Arrays.equals(value, e.value);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(userKey) + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "StoreEntry[userKey=" + io.fssdk.api.spi.KeyCodec.printable(userKey) + ", value=" + value.length + " bytes]";
    }
}
