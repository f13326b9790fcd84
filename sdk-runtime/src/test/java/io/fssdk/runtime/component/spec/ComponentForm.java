package io.fssdk.runtime.component.spec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A component definition of a wast script, in one of the forms {@code (component $id? <fields>)},
 * {@code (component $id? binary "..."*)}, {@code (component $id? quote "..."*)}, each optionally with
 * {@code definition} after {@code component} (compile, do not instantiate). Text forms keep their source
 * verbatim for the converter.
 *
 * @param id the {@code $id}, if any
 * @param definition whether the form only defines the component
 * @param binary the bytes of a {@code binary} form, else null
 * @param text the component text to convert, else null
 */
record ComponentForm(Optional<String> id, boolean definition, byte[] binary, String text) {

    /** Whether {@code e} is a {@code (component ...)} form defining a component (not {@code component instance}). */
    static boolean isDefinition(SExpr e) {
        return e instanceof SExpr.Seq && ((SExpr.Seq) e).head().equals("component") && ((SExpr.Seq) e).size() > 1
                && !SExpr.atomText(((SExpr.Seq) e).get(1)).filter("instance"::equals).isPresent();
    }

    /** Reads the form {@code s}, a slice of {@code source}. */
    static ComponentForm of(SExpr.Seq s, String source) {
        int i = 1;
        SExpr.Atom definitionKeyword = null;
        if (SExpr.atomText(s.get(i)).filter("definition"::equals).isPresent()) {
            definitionKeyword = (SExpr.Atom) s.get(i++);
        }
        Optional<String> id = Optional.empty();
        if (i < s.size() && SExpr.isId(s.get(i))) {
            id = SExpr.atomText(s.get(i++));
        }
        boolean definition = definitionKeyword != null;
        Optional<String> mode = i < s.size() ? SExpr.atomText(s.get(i)) : Optional.empty();
        if (mode.filter("binary"::equals).isPresent()) {
            return new ComponentForm(id, definition, strings(s.items().subList(i + 1, s.size())), null);
        }
        if (mode.filter("quote"::equals).isPresent()) {
            String body = new String(strings(s.items().subList(i + 1, s.size())), StandardCharsets.UTF_8);
            return new ComponentForm(id, definition, null, "(component " + body + ")");
        }
        String text = source.substring(s.start(), s.end());
        if (definitionKeyword != null) {
            int from = definitionKeyword.start() - s.start();
            int to = definitionKeyword.end() - s.start();
            text = text.substring(0, from) + " ".repeat(to - from) + text.substring(to);
        }
        return new ComponentForm(id, definition, null, text);
    }

    private static byte[] strings(List<SExpr> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (SExpr p : parts) {
            if (!(p instanceof SExpr.Str)) {
                throw new IllegalArgumentException("expected a string, got " + p);
            }
            out.writeBytes(((SExpr.Str) p).bytes());
        }
        return out.toByteArray();
    }
}
