package io.fssdk.api.state;

import io.fssdk.api.ComplexKey;
import io.fssdk.api.Context;
import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.Store;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Where one state's entries live: the store, the state name (the key group), the key (fixed, or the
 * context's current key at each access) and the namespace. It also decodes with the state's name in the
 * error.
 */
final class StateScope {
    final Store store;
    final String name;
    final byte[] group;
    final byte[] namespace;
    final LongSupplier clock;
    /** The fixed key, or null when the key is the context's current key. */
    private final byte[] fixedKey;
    private final Context keyContext;
    /** For single-valued state: the complex key last built, and the key array it was built for. */
    private ComplexKey cachedKey;
    private byte[] cachedFor;

    StateScope(Store store, String name, byte[] fixedKey, Context keyContext, byte[] namespace, LongSupplier clock) {
        this.store = store;
        this.name = name;
        this.group = name.getBytes(StandardCharsets.UTF_8);
        this.fixedKey = fixedKey;
        this.keyContext = keyContext;
        this.namespace = namespace;
        this.clock = clock;
    }

    /** The key the state is read and written under now. */
    byte[] key() {
        if (fixedKey != null) {
            return fixedKey;
        }
        Optional<byte[]> current = keyContext.currentKey();
        if (current.isEmpty()) {
            throw new SdkException(ErrorCode.STATE_NO_CURRENT_KEY, "keyed state `" + name
                    + "` used with no current key: set one with Context.setCurrentKey (the Flink adapter sets it"
                    + " before each record)");
        }
        return current.get();
    }

    /**
     * The complex key of single-valued state (empty user key). It is rebuilt only when the key changes:
     * the context hands out the same array until a new key is set, so identity is the cheap, exact test.
     */
    ComplexKey valueKey() {
        byte[] key = key();
        if (key != cachedFor) {
            cachedKey = new ComplexKey(group, key, namespace, Bytes.EMPTY);
            cachedFor = key;
        }
        return cachedKey;
    }

    /** The complex key of user key {@code userKey} under the current key and namespace. */
    ComplexKey entryKey(byte[] userKey) {
        return new ComplexKey(group, key(), namespace, userKey);
    }

    /** Decodes stored bytes, turning a codec failure into {@code STORE_INTERNAL} naming this state. */
    <T> T decode(Codec<T> codec, byte[] bytes) {
        try {
            return codec.decode(bytes);
        } catch (RuntimeException e) {
            throw corrupt(e.getMessage(), e);
        }
    }

    SdkException corrupt(String what, Throwable cause) {
        return new SdkException(ErrorCode.STORE_INTERNAL, "state `" + name + "` in store `" + store.name()
                + "`: cannot decode stored bytes: " + what, cause);
    }
}
