package io.fssdk.api.internal;

import io.fssdk.api.ComplexKey;

/**
 * Reads the parts of a {@link ComplexKey} without the defensive copies its accessors make. Only
 * {@link io.fssdk.api.spi.KeyCodec} uses it, to encode keys on the store hot path without allocating
 * four throw-away arrays per call; the package is not exported, so operators never see it.
 *
 * <p>{@code ComplexKey} installs the one implementation from its static initialiser (the JDK's
 * "shared secrets" pattern), which keeps its fields private to everyone else.
 */
public abstract class ComplexKeyParts {
    private static volatile ComplexKeyParts installed;

    /** Installs the accessor; called once, by {@code ComplexKey}. */
    public static void install(ComplexKeyParts parts) {
        installed = parts;
    }

    /** The accessor, initialising {@code ComplexKey} first if no key was made yet. */
    public static ComplexKeyParts get() {
        ComplexKeyParts p = installed;
        if (p == null) {
            new ComplexKey(new byte[0], new byte[0], new byte[0], new byte[0]);
            p = installed;
        }
        return p;
    }

    /** The key group, not copied: callers must not write to it. */
    public abstract byte[] keyGroup(ComplexKey k);

    /** The key, not copied: callers must not write to it. */
    public abstract byte[] key(ComplexKey k);

    /** The namespace, not copied: callers must not write to it. */
    public abstract byte[] namespace(ComplexKey k);

    /** The user key, not copied: callers must not write to it. */
    public abstract byte[] userKey(ComplexKey k);
}
