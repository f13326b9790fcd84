package io.fssdk.runtime.guest;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.runtime.component.InvalidException;
import io.fssdk.runtime.component.LinkException;
import io.fssdk.runtime.component.TrapException;
import java.time.Duration;
import java.util.Locale;

/**
 * Turns what a call into the guest threw into the {@link SdkException} a supervised guest reports. The
 * message names the export, the source id where the export has one, and the guest's trap message; the
 * exception names the operator. Codes:
 *
 * <ul>
 *   <li>{@link ErrorCode#LIMIT_EXCEEDED}: the deadline interrupted the call, or the guest trapped with its
 *       memory at the cap;</li>
 *   <li>the code of an {@link SdkException} a host function threw, when one caused the trap (e.g.
 *       {@link ErrorCode#STORE_INVALID_NAME} from {@code [constructor]store}, or
 *       {@link ErrorCode#RUNTIME_CLOSED} from {@code emit} after the runner closed);</li>
 *   <li>{@link ErrorCode#RUNTIME_INVALID_DRIVER}: the component cannot be linked or is invalid;</li>
 *   <li>{@link ErrorCode#OPERATOR_FAILED}: any other trap or failure.</li>
 * </ul>
 */
public final class GuestFailures {
    /** Where the failure happened: an export, with a source id when it has one, and what it was doing. */
    public record Where(String export, long sourceId, String before) {
        /** The source id of an export that has none. */
        public static final long NO_SOURCE = -1;
        /** The pseudo-export naming instantiation, whose start functions run guest code. */
        public static final String INSTANTIATION = "";

        /** {@code export `fs-process` (source 3)}, or {@code ... (re-initialising a fresh instance before `x`)}. */
        public String describe() {
            StringBuilder sb = export.equals(INSTANTIATION) ? new StringBuilder("instantiation")
                    : new StringBuilder("export `").append(export).append('`');
            if (sourceId != NO_SOURCE) {
                sb.append(" (source ").append(sourceId).append(')');
            }
            if (before != null) {
                sb.append(" (").append(before).append(')');
            }
            return sb.toString();
        }
    }

    private final String operator;
    private final Duration deadline;
    private final long memoryCapBytes;

    /**
     * @param operator the operator named in every failure
     * @param deadline the per-call deadline, for messages
     * @param memoryCapBytes the memory cap, for messages
     */
    public GuestFailures(String operator, Duration deadline, long memoryCapBytes) {
        this.operator = operator;
        this.deadline = deadline;
        this.memoryCapBytes = memoryCapBytes;
    }

    /**
     * The failure of one guest call. The instance has been discarded already; every message says so. It
     * does not promise a next call (a fresh instance, see {@link GuestSupervisor}): an embedder that stops
     * at the first failure, like the command line, says what that means for its records itself.
     *
     * @param timedOut whether the deadline interrupted the call
     * @param atMemoryCap whether the guest's memory was at the cap when it trapped
     */
    public SdkException of(Where where, RuntimeException e, boolean timedOut, boolean atMemoryCap) {
        String w = where.describe();
        String next = "; the instance was discarded";
        if (timedOut) {
            return failure(ErrorCode.LIMIT_EXCEEDED, w + " ran past its deadline of " + deadline.toMillis()
                    + " ms and was stopped" + next, e);
        }
        if (e instanceof TrapException trap) {
            String how = origin(trap, where.export()) + ": " + trap.reason() + next;
            if (trap.isOutOfFuel()) {
                return failure(ErrorCode.LIMIT_EXCEEDED, w + " ran out of fuel" + how, e);
            }
            if (atMemoryCap) {
                return failure(ErrorCode.LIMIT_EXCEEDED, w + " hit the memory cap of " + bytes(memoryCapBytes)
                        + " and trapped" + how, e);
            }
            SdkException host = hostCause(trap);
            return failure(host != null ? host.code() : ErrorCode.OPERATOR_FAILED, w + " trapped" + how, e);
        }
        if (e instanceof LinkException || e instanceof InvalidException) {
            return failure(ErrorCode.RUNTIME_INVALID_DRIVER, "cannot instantiate the component: " + e.getMessage(), e);
        }
        if (e instanceof SdkException s) {
            String m = String.valueOf(s.getMessage());
            String prefix = s.code().name().toLowerCase(Locale.ROOT) + ": ";
            return failure(s.code(), w + ": " + (m.startsWith(prefix) ? m.substring(prefix.length()) : m) + next, e);
        }
        return failure(ErrorCode.OPERATOR_FAILED, w + " failed: " + e + next, e);
    }

    private SdkException failure(ErrorCode code, String message, Throwable cause) {
        return new SdkException(code, message, operator, null, cause);
    }

    /** " in `import`" when the trap happened in an import the export called, else "". */
    private static String origin(TrapException trap, String export) {
        String f = trap.function();
        return f.isEmpty() || f.equals(export) ? "" : " in `" + f + "`";
    }

    /** The {@link SdkException} a host function threw that caused the trap, if any. */
    private static SdkException hostCause(Throwable t) {
        for (Throwable c = t.getCause(); c != null && c != t; t = c, c = c.getCause()) {
            if (c instanceof SdkException s) {
                return s;
            }
        }
        return null;
    }

    /** {@code 16 MiB}, or a byte count when the cap is not whole mebibytes. */
    public static String bytes(long n) {
        return n % (1024 * 1024) == 0 ? n / (1024 * 1024) + " MiB" : n + " bytes";
    }
}
