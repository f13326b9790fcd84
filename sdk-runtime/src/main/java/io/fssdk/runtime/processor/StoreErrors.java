package io.fssdk.runtime.processor;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.runtime.component.WitValue;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a failing {@link io.fssdk.api.Store} call reaches the guest: as the kv interface's {@code error}
 * variant, never as a trap (the WIT promises "a failing store is an error"). The mapping is:
 * {@link ErrorCode#STORE_NOT_FOUND} is {@code not-found}; {@link ErrorCode#STORE_IO} is
 * {@code io-error(message)}; every other {@link SdkException}, and any other runtime exception a store
 * implementation throws, is {@code other(message)}.
 *
 * <p>The message is what the store said: {@code io-error} carries {@link SdkException#detail()}, since the
 * case already says it is an I/O error ({@code "boom"}, not {@code "store_io: boom"}). {@code other}
 * stands for several codes, so its message keeps the code in front ({@code "runtime_closed: ..."}); for an
 * exception that is not an {@code SdkException} it is the exception's message. Every failure handed to
 * the guest is also logged on the host (logger {@code io.fssdk.runtime.processor.kv}, WARN) with its code,
 * since the guest may well swallow it.
 */
final class StoreErrors {
    private static final Logger LOG = LoggerFactory.getLogger("io.fssdk.runtime.processor.kv");

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
        String m = rawMessage(e);
        for (int i = 0; i < m.length(); i++) {
            if (Character.isSurrogate(m.charAt(i))) {
                return new String(m.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            }
        }
        return m;
    }

    private static String rawMessage(RuntimeException e) {
        if (e instanceof SdkException s) {
            return s.code() == ErrorCode.STORE_IO ? s.detail() : s.code().name().toLowerCase(java.util.Locale.ROOT)
                    + ": " + s.detail();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getName();
    }

    /** Logs a failure about to be returned to the guest as case {@code c}; the log keeps the code. */
    static void log(int c, RuntimeException e) {
        if (LOG.isWarnEnabled()) {
            LOG.warn("a store call failed; the guest receives `{}`: {}",
                    c == NOT_FOUND ? "not-found" : c == IO_ERROR ? "io-error" : "other", String.valueOf(e));
        }
    }

    /** The failure as a {@code result} error value, for the host functions on the value path. */
    static WitValue err(RuntimeException e) {
        int c = caseOf(e);
        log(c, e);
        return WitValue.err(c == NOT_FOUND ? WitValue.variant(c) : WitValue.variant(c, WitValue.string(messageOf(e))));
    }
}
