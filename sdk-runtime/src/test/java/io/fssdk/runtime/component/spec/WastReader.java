package io.fssdk.runtime.component.spec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads the S-expressions of a wast script: parentheses, string literals with the wat escapes (backslash followed
 * by {@code n t r " ' \\}, two hex digits, or {@code u{hex}}), line comments {@code ;;} and nestable block
 * comments {@code (; ;)}, and atoms (everything else up to a delimiter).
 */
final class WastReader {
    private final String text;
    private int pos;

    private WastReader(String text) {
        this.text = text;
    }

    /** The top-level forms of {@code text}, each with spans into it. */
    static List<SExpr> read(String text) {
        return new WastReader(text).readAll();
    }

    /** The 1-based line of offset {@code offset} in {@code text}. */
    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private List<SExpr> readAll() {
        Deque<List<SExpr>> stack = new ArrayDeque<>();
        Deque<Integer> starts = new ArrayDeque<>();
        List<SExpr> top = new ArrayList<>();
        List<SExpr> current = top;
        while (true) {
            skipBlank();
            if (pos >= text.length()) {
                break;
            }
            char c = text.charAt(pos);
            if (c == '(') {
                stack.push(current);
                starts.push(pos);
                current = new ArrayList<>();
                pos++;
            } else if (c == ')') {
                if (stack.isEmpty()) {
                    throw error("unbalanced `)`", pos);
                }
                SExpr.Seq seq = new SExpr.Seq(current, starts.pop(), pos + 1);
                current = stack.pop();
                current.add(seq);
                pos++;
            } else if (c == '"') {
                current.add(readString());
            } else {
                current.add(readAtom());
            }
        }
        if (!stack.isEmpty()) {
            throw error("unclosed `(`", starts.peek());
        }
        return top;
    }

    private void skipBlank() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (text.startsWith(";;", pos)) {
                int nl = text.indexOf('\n', pos);
                pos = nl < 0 ? text.length() : nl + 1;
            } else if (text.startsWith("(;", pos)) {
                skipBlockComment();
            } else {
                return;
            }
        }
    }

    private void skipBlockComment() {
        int start = pos;
        int depth = 0;
        while (pos < text.length()) {
            if (text.startsWith("(;", pos)) {
                depth++;
                pos += 2;
            } else if (text.startsWith(";)", pos)) {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                pos++;
            }
        }
        throw error("unclosed block comment", start);
    }

    private SExpr.Atom readAtom() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c) || c == '(' || c == ')' || c == '"' || text.startsWith(";;", pos)) {
                break;
            }
            pos++;
        }
        return new SExpr.Atom(text.substring(start, pos), start, pos);
    }

    private SExpr.Str readString() {
        int start = pos;
        pos++;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            if (pos >= text.length()) {
                throw error("unclosed string", start);
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return new SExpr.Str(out.toByteArray(), start, pos);
            }
            if (c == '\\') {
                escape(out);
            } else {
                int cp = text.codePointAt(pos);
                pos += Character.charCount(cp);
                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void escape(ByteArrayOutputStream out) {
        int at = pos;
        pos++;
        if (pos >= text.length()) {
            throw error("unclosed string", at);
        }
        char e = text.charAt(pos++);
        switch (e) {
            case 'n': out.write('\n'); return;
            case 't': out.write('\t'); return;
            case 'r': out.write('\r'); return;
            case '"': out.write('"'); return;
            case '\'': out.write('\''); return;
            case '\\': out.write('\\'); return;
            case 'u': unicodeEscape(out, at); return;
            default:
                if (pos < text.length() && hex(e) >= 0 && hex(text.charAt(pos)) >= 0) {
                    out.write(hex(e) * 16 + hex(text.charAt(pos++)));
                    return;
                }
                throw error("bad string escape", at);
        }
    }

    private void unicodeEscape(ByteArrayOutputStream out, int at) {
        int close = text.indexOf('}', pos);
        if (pos >= text.length() || text.charAt(pos) != '{' || close < 0) {
            throw error("bad unicode escape", at);
        }
        int cp = Integer.parseInt(text.substring(pos + 1, close).replace("_", ""), 16);
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            throw error("unicode escape is not a scalar value", at);
        }
        pos = close + 1;
        out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    private IllegalArgumentException error(String what, int at) {
        return new IllegalArgumentException(what + " at line " + lineOf(text, at));
    }
}
