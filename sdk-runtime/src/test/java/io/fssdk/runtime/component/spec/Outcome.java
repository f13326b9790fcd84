package io.fssdk.runtime.component.spec;

import java.util.Objects;

/**
 * The result of one wast directive.
 *
 * @param kind how it went
 * @param reason a short class of the result, for grouping (empty for a plain pass); reasons the harness is to
 *     blame for start with {@value #HARNESS}
 * @param detail the particulars: our exception message, the values compared
 */
record Outcome(Kind kind, String reason, String detail) {
    /** The prefix of reasons that are limitations of the harness or the text converter, not of the engine. */
    static final String HARNESS = "harness: ";

    /** How a directive went. */
    enum Kind {
        /** Behaved as the script expects, message included. */
        PASSED,
        /** Failed as expected, but with another exception class or message than the script names. */
        PASSED_LOOSELY,
        /** An assert_malformed/assert_invalid whose text the converter already rejected: the engine never saw it. */
        PASSED_BY_CONVERTER,
        /** Did not behave as expected. */
        FAILED,
        /** Could not run because an earlier directive it depends on failed. */
        BLOCKED,
        /** Not run: a feature our engine reports as unsupported (async, gated), or a directive the harness lacks. */
        SKIPPED
    }

    Outcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    static Outcome passed() {
        return new Outcome(Kind.PASSED, "", "");
    }

    static Outcome loosely(String reason, String detail) {
        return new Outcome(Kind.PASSED_LOOSELY, reason, detail);
    }

    static Outcome failed(String reason, String detail) {
        return new Outcome(Kind.FAILED, reason, detail);
    }

    static Outcome skipped(String reason, String detail) {
        return new Outcome(Kind.SKIPPED, reason, detail);
    }

    /** Whether the directive did what the script expects, at least loosely. */
    boolean ok() {
        return kind == Kind.PASSED || kind == Kind.PASSED_LOOSELY || kind == Kind.PASSED_BY_CONVERTER;
    }
}
