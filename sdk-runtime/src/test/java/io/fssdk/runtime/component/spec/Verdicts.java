package io.fssdk.runtime.component.spec;

import io.fssdk.runtime.component.ComponentException;
import io.fssdk.runtime.component.InvalidException;
import io.fssdk.runtime.component.LinkException;
import io.fssdk.runtime.component.MalformedException;
import io.fssdk.runtime.component.TrapException;
import io.fssdk.runtime.component.UnsupportedFeatureException;
import java.util.Locale;

/**
 * Judges what the engine did against what a directive expects. A script's expected message is wasmtime's
 * wording, so a failure of the right kind with other words passes loosely; the message match is a
 * case-insensitive substring test after dropping wasmtime's {@code "wasm trap: "} prefix.
 */
final class Verdicts {
    private Verdicts() {
    }

    /** {@code assert_malformed} ({@code malformed}) or {@code assert_invalid}: loading must be refused. */
    static Outcome rejection(String directive, Throwable thrown, boolean malformed, String expected) {
        if (thrown == null) {
            return Outcome.failed(directive + ": accepted", "the engine loaded the component; expected \""
                    + expected + "\"");
        }
        if (thrown instanceof UnsupportedFeatureException) {
            return Outcome.loosely(directive + ": refused as unsupported feature", "expected \"" + expected
                    + "\", got: " + message(thrown));
        }
        if (!(thrown instanceof ComponentException)) {
            return crash(directive, thrown);
        }
        boolean rightClass = malformed ? thrown instanceof MalformedException : thrown instanceof InvalidException;
        if (!rightClass) {
            return Outcome.loosely(directive + ": refused with " + name(thrown) + ": " + normalize(message(thrown)),
                    "expected \"" + expected + "\", got: " + message(thrown));
        }
        return matches(thrown, expected) ? Outcome.passed() : differs(directive, thrown, expected);
    }

    /** {@code assert_trap}: a {@link TrapException} must be thrown. */
    static Outcome trap(String directive, Throwable thrown, String expected) {
        return expectedFailure(directive, thrown, TrapException.class, expected);
    }

    /** {@code assert_unlinkable}: instantiation must throw a {@link LinkException}. */
    static Outcome link(String directive, Throwable thrown, String expected) {
        return expectedFailure(directive, thrown, LinkException.class, expected);
    }

    /** Something that was to succeed threw {@code thrown}. */
    static Outcome unexpected(String directive, Throwable thrown) {
        if (thrown instanceof UnsupportedFeatureException) {
            return Outcome.skipped("unsupported feature " + ((UnsupportedFeatureException) thrown).feature(),
                    message(thrown));
        }
        if (!(thrown instanceof ComponentException)) {
            return crash(directive, thrown);
        }
        return Outcome.failed(directive + ": " + name(thrown) + ": " + normalize(message(thrown)), message(thrown));
    }

    private static Outcome expectedFailure(String directive, Throwable thrown, Class<? extends ComponentException> want,
            String expected) {
        if (thrown == null) {
            return Outcome.failed(directive + ": no " + want.getSimpleName(), "completed normally; expected \""
                    + expected + "\"");
        }
        if (!want.isInstance(thrown)) {
            if (thrown instanceof UnsupportedFeatureException) {
                return unexpected(directive, thrown);
            }
            if (!(thrown instanceof ComponentException)) {
                return crash(directive, thrown);
            }
            return Outcome.failed(directive + ": " + name(thrown) + " instead of " + want.getSimpleName() + ": "
                    + normalize(message(thrown)), "expected \"" + expected + "\", got: " + message(thrown));
        }
        return matches(thrown, expected) ? Outcome.passed() : differs(directive, thrown, expected);
    }

    private static Outcome differs(String directive, Throwable thrown, String expected) {
        return Outcome.loosely(directive + ": message differs from \"" + expected + "\"", message(thrown));
    }

    private static Outcome crash(String directive, Throwable thrown) {
        StackTraceElement[] st = thrown.getStackTrace();
        String where = st.length == 0 ? "" : " at " + st[0];
        return Outcome.failed(directive + ": crash " + thrown.getClass().getSimpleName() + ": "
                + normalize(message(thrown)), thrown + where);
    }

    private static boolean matches(Throwable thrown, String expected) {
        String want = expected.toLowerCase(Locale.ROOT);
        want = want.startsWith("wasm trap: ") ? want.substring("wasm trap: ".length()) : want;
        return message(thrown).toLowerCase(Locale.ROOT).contains(want);
    }

    private static String name(Throwable t) {
        return t.getClass().getSimpleName();
    }

    private static String message(Throwable t) {
        return String.valueOf(t.getMessage());
    }

    /** A message with the particulars (numbers, offsets, names in backquotes) blurred, to group like failures. */
    static String normalize(String message) {
        String m = message.replaceAll(" \\(at offset \\d+\\)", "").replaceAll("`[^`]*`", "`_`")
                .replaceAll("\\d+", "N");
        return m.length() > 110 ? m.substring(0, 110) + "..." : m;
    }
}
