package io.fssdk.runtime.component.validate;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Value type subtyping for {@link Subtype}: the types must be structurally equal, since the Canonical ABI
 * lays them out by structure and bindings generators name them by label. Records match field by field (names
 * and types, in order), variants case by case (names, payload presence and types), enums and flags by their
 * labels, tuples, lists, options and results part by part, handles by kind and resource identity.
 * Messages name the first difference and, as the failure unwinds, the path to it.
 */
final class ValueSubtype {
    private ValueSubtype() {
    }

    /**
     * Fails unless {@code actual} can be used where {@code expected} is declared. Parts go back through
     * {@code checker} so that shared parts are checked once and resources are bound consistently.
     */
    static void check(Subtype checker, ValueInfo actual, ValueInfo expected) {
        if (actual.kind() != expected.kind()) {
            throw new Invalid("expected " + name(expected) + ", found " + name(actual));
        }
        List<Optional<ValueInfo>> a = actual.parts();
        List<Optional<ValueInfo>> e = expected.parts();
        switch (expected.kind()) {
            case PRIM -> {
                if (actual.prim() != expected.prim()) {
                    throw new Invalid("expected primitive `" + expected.prim().text() + "` found primitive `"
                            + actual.prim().text() + "`");
                }
            }
            case RECORD -> {
                count(a.size(), e.size(), "fields");
                for (int i = 0; i < e.size(); i++) {
                    String name = expected.names().get(i);
                    if (!name.equals(actual.names().get(i))) {
                        throw new Invalid("expected field name `" + name + "`, found `" + actual.names().get(i)
                                + "`");
                    }
                    part(checker, a.get(i), e.get(i), "record field `" + name + "`");
                }
            }
            case VARIANT -> {
                count(a.size(), e.size(), "cases");
                for (int i = 0; i < e.size(); i++) {
                    String name = expected.names().get(i);
                    if (!name.equals(actual.names().get(i))) {
                        throw new Invalid("expected case named `" + name + "`, found `" + actual.names().get(i)
                                + "`");
                    }
                    if (e.get(i).isPresent() && a.get(i).isEmpty()) {
                        throw new Invalid("expected case `" + name + "` to have a type, found none");
                    } else if (e.get(i).isEmpty() && a.get(i).isPresent()) {
                        throw new Invalid("expected case `" + name + "` to have no type");
                    }
                    part(checker, a.get(i), e.get(i), "variant case `" + name + "`");
                }
            }
            case TUPLE -> {
                count(a.size(), e.size(), "types");
                for (int i = 0; i < e.size(); i++) {
                    part(checker, a.get(i), e.get(i), "tuple field " + i);
                }
            }
            case FLAGS, ENUM -> {
                if (!actual.names().equals(expected.names())) {
                    throw new Invalid("mismatch in " + (expected.kind() == ValueInfo.Kind.FLAGS ? "flags" : "enum")
                            + " elements");
                }
            }
            case OPTION -> part(checker, a.get(1), e.get(1), "option");
            case LIST -> part(checker, a.get(0), e.get(0), "list element");
            case RESULT -> {
                presence(a.get(0), e.get(0), "ok");
                part(checker, a.get(0), e.get(0), "ok variant");
                presence(a.get(1), e.get(1), "err");
                part(checker, a.get(1), e.get(1), "err variant");
            }
            case OWN, BORROW -> checker.resource(actual.resource().orElseThrow(), expected.resource().orElseThrow());
        }
    }

    private static void count(int actual, int expected, String what) {
        if (actual != expected) {
            throw new Invalid("expected " + expected + " " + what + ", found " + actual);
        }
    }

    private static void presence(Optional<ValueInfo> actual, Optional<ValueInfo> expected, String which) {
        if (expected.isEmpty() && actual.isPresent()) {
            throw new Invalid("expected " + which + " type to not be present");
        } else if (expected.isPresent() && actual.isEmpty()) {
            throw new Invalid("expected " + which + " type, but found none");
        }
    }

    private static void part(Subtype checker, Optional<ValueInfo> actual, Optional<ValueInfo> expected,
            String where) {
        if (actual.isPresent() && expected.isPresent()) {
            try {
                checker.value(actual.get(), expected.get());
            } catch (Invalid x) {
                throw x.at("type mismatch in " + where);
            }
        }
    }

    /** A value type's head for messages: the primitive's name, else the constructor ("record", "own"). */
    private static String name(ValueInfo t) {
        return t.kind() == ValueInfo.Kind.PRIM ? t.prim().text() : t.kind().name().toLowerCase(Locale.ROOT);
    }
}
