package io.fssdk.runtime.component.binary;

/**
 * The lexical rules for names from
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Explainer.md#import-and-export-definitions">
 * Explainer.md, Import and Export Definitions</a>: kebab-case {@code label}s (used for field, case, flag and
 * parameter names and inside extern names) and lowercase {@code words} (namespaces and packages).
 */
public final class Labels {
    private Labels() {
    }

    /**
     * Whether {@code s} is a {@code label}: fragments joined by single hyphens, each all-lowercase
     * ({@code word}) or all-uppercase ({@code acronym}) letters and digits, the first starting with a
     * letter. E.g. {@code a1-2-3}, {@code get-JSON}; not {@code 1-a}, {@code a--b} or {@code aB}.
     */
    public static boolean isLabel(String s) {
        return isKebab(s, true);
    }

    /** Whether {@code s} is {@code words}: a label whose fragments are all lowercase. */
    public static boolean isWords(String s) {
        return isKebab(s, false);
    }

    private static boolean isKebab(String s, boolean acronyms) {
        int start = 0;
        boolean first = true;
        while (true) {
            int end = s.indexOf('-', start);
            int stop = end < 0 ? s.length() : end;
            if (!isFragment(s, start, stop, first, acronyms)) {
                return false;
            }
            if (end < 0) {
                return true;
            }
            start = end + 1;
            first = false;
        }
    }

    private static boolean isFragment(String s, int from, int to, boolean first, boolean acronyms) {
        if (from >= to) {
            return false;
        }
        char c0 = s.charAt(from);
        boolean upper;
        if (isLower(c0)) {
            upper = false;
        } else if (acronyms && isUpper(c0)) {
            upper = true;
        } else if (!first && isDigit(c0)) {
            // A fragment of digits only is both a word and an acronym; its case is fixed by a later
            // letter, if any.
            int i = from;
            while (i < to && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == to) {
                return true;
            }
            char c = s.charAt(i);
            upper = isUpper(c);
            if (!isLower(c) && !(acronyms && upper)) {
                return false;
            }
        } else {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            char c = s.charAt(i);
            if (!(isDigit(c) || (upper ? isUpper(c) : isLower(c)))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
