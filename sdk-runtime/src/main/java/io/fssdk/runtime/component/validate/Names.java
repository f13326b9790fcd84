package io.fssdk.runtime.component.validate;

import io.fssdk.runtime.component.binary.ExternName;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The import or export names of one scope, which must be strongly unique: Explainer.md's
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Explainer.md#name-uniqueness">
 * Name Uniqueness</a>. Bindings generators map names to identifiers, so two names that differ only in case,
 * or a {@code [method]r.m} next to a {@code [static]r.m}, would collide in generated code.
 */
final class Names {
    private final String what;
    private final Map<String, String> seen = new HashMap<>();

    /** @param what "import" or "export", for messages */
    Names(String what) {
        this.what = what;
    }

    /** Adds a name, or fails naming the earlier name it conflicts with. */
    void add(ExternName name) {
        String earlier = seen.putIfAbsent(canonical(name), name.text());
        if (earlier != null) {
            throw new Invalid(what + " name `" + name.text() + "` conflicts with previous name `" + earlier + "`");
        }
    }

    /**
     * The spec's canonical form: letters lowercased, {@code [method]l.l} and {@code [static]l.l} reduced to
     * {@code l}, and every annotation but {@code [constructor]} stripped.
     */
    static String canonical(ExternName name) {
        if (name instanceof ExternName.Method m) {
            return member(m.resource(), m.method());
        } else if (name instanceof ExternName.Static s) {
            return member(s.resource(), s.function());
        }
        return lower(name.text());
    }

    private static String member(String resource, String member) {
        String r = lower(resource);
        String m = lower(member);
        return r.equals(m) ? r : r + "." + m;
    }

    /**
     * Checks the labels of one record, variant, flags, enum or parameter list are distinct, ignoring case
     * (Binary.md, Type Definitions).
     *
     * @param what e.g. "field", for "field name `B` conflicts with previous field name `b`"
     */
    static void requireDistinct(List<String> labels, String what) {
        Map<String, String> seenLabels = new HashMap<>();
        for (String label : labels) {
            String earlier = seenLabels.putIfAbsent(lower(label), label);
            if (earlier != null) {
                throw new Invalid(what + " name `" + label + "` conflicts with previous " + what + " name `"
                        + earlier + "`");
            }
        }
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
