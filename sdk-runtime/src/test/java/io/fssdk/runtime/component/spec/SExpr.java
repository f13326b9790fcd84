package io.fssdk.runtime.component.spec;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * One node of a wast script: an atom (keyword, identifier, number), a string literal, or a parenthesized list.
 * Every node remembers its span {@code [start, end)} in the script text, so a {@code (component ...)} form can be
 * handed verbatim to the text-to-binary converter.
 */
sealed interface SExpr permits SExpr.Atom, SExpr.Str, SExpr.Seq {

    /** Offset of the node's first character in the script text. */
    int start();

    /** Offset just past the node's last character. */
    int end();

    /**
     * A bare token: a keyword such as {@code component}, an identifier such as {@code $C}, a number.
     *
     * @param text the token
     * @param start offset of the first character
     * @param end offset past the last character
     */
    record Atom(String text, int start, int end) implements SExpr {
        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * A string literal, unescaped to its bytes (wast strings may hold arbitrary bytes, as in
     * {@code (component binary "\00asm")}).
     *
     * @param bytes the unescaped bytes
     * @param start offset of the opening quote
     * @param end offset past the closing quote
     */
    record Str(byte[] bytes, int start, int end) implements SExpr {
        /** The bytes read as UTF-8. */
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return '"' + text() + '"';
        }
    }

    /**
     * A parenthesized list.
     *
     * @param items the elements
     * @param start offset of the opening parenthesis
     * @param end offset past the closing parenthesis
     */
    record Seq(List<SExpr> items, int start, int end) implements SExpr {
        /** Copies the list. */
        public Seq {
            items = List.copyOf(items);
        }

        /** The text of the first element when it is an atom: {@code assert_return} for an assertion. */
        public String head() {
            return items.isEmpty() ? "" : atomText(items.get(0)).orElse("");
        }

        /** Element {@code i}. */
        public SExpr get(int i) {
            return items.get(i);
        }

        /** The number of elements. */
        public int size() {
            return items.size();
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < items.size(); i++) {
                sb.append(i == 0 ? "" : " ").append(items.get(i));
            }
            return sb.append(')').toString();
        }
    }

    /** The text of {@code e} when it is an atom. */
    static Optional<String> atomText(SExpr e) {
        return e instanceof Atom ? Optional.of(((Atom) e).text()) : Optional.empty();
    }

    /** Whether {@code e} is an atom starting with {@code $}: an identifier. */
    static boolean isId(SExpr e) {
        return atomText(e).filter(t -> t.startsWith("$")).isPresent();
    }
}
