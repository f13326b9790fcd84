package io.fssdk.api.spi;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;

/**
 * The one place store names are normalised. The runner's store cache and every backend call it, so a
 * name reaches the same store whichever of them sees it first.
 */
public final class StoreNames {
    private StoreNames() {
    }

    /**
     * The name a store is kept under: the given name with leading and trailing white space removed
     * ({@link String#strip()}, which knows Unicode white space, unlike {@code trim()}).
     *
     * @throws SdkException {@code STORE_INVALID_NAME} for a null, empty or blank name
     */
    public static String normalize(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw new SdkException(ErrorCode.STORE_INVALID_NAME,
                    "store name must not be null, empty or blank, got " + (name == null ? "null" : "`" + name + "`"));
        }
        return stripped;
    }
}
