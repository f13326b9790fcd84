package io.fssdk.runtime.processor;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.runtime.component.WitValue;
import java.nio.charset.StandardCharsets;

/**
 * How a failing {@link io.fssdk.api.Store} call reaches the guest: as the kv interface's {@code error}
 * variant, never as a trap (the WIT promises "a failing store is an error"). The mapping is:
 * {@link ErrorCode#STORE_NOT_FOUND} is {@code not-found}; {@link ErrorCode#STORE_IO} is
 * {@code io-error(message)}; every other {@link SdkException}, and any other runtime exception a store
 * implementation throws, is {@code other(message)}. The message is the exception's own, unchanged (code
 * prefix included), so what the guest logs matches what Java logs.
 */
final class StoreErrors {
    static final int NOT_FOUND = 0;
    static final int IO_ERROR = 1;
    static final int OTHER = 2;

    private StoreErrors() {
    }

    /** The {@code error} case index for a store failure. */
    static int caseOf(RuntimeException e) {
        if (e instanceof SdkException s) {
            if (s.code() == ErrorCode.STORE_NOT_FOUND) {
                return NOT_FOUND;
            }
            if (s.code() == ErrorCode.STORE_IO) {
                return IO_ERROR;
            }
        }
        return OTHER;
    }

    /**
     * The message a guest receives. A WIT string cannot hold a lone UTF-16 surrogate, and lowering one
     * would trap, so such a message is re-encoded first (the surrogate becomes {@code ?}).
     */
    static String messageOf(RuntimeException e) {
        String m = e.getMessage() != null ? e.getMessage() : e.getClass().getName();
        for (int i = 0; i < m.length(); i++) {
            if (Character.isSurrogate(m.charAt(i))) {
                return new String(m.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            }
        }
        return m;
    }

    /** The failure as a {@code result} error value, for the host functions on the value path. */
    static WitValue err(RuntimeException e) {
        int c = caseOf(e);
        return WitValue.err(c == NOT_FOUND ? WitValue.variant(c) : WitValue.variant(c, WitValue.string(messageOf(e))));
    }
}
