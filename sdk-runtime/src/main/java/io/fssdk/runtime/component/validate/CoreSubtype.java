package io.fssdk.runtime.component.validate;

import io.fssdk.runtime.component.binary.CoreExternType;
import io.fssdk.runtime.component.binary.CoreFuncType;
import io.fssdk.runtime.component.binary.CoreLimits;
import io.fssdk.runtime.component.binary.CoreValType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Core subtyping, the core WebAssembly
 * <a href="https://webassembly.github.io/spec/core/valid/types.html#import-subtyping">import matching</a> rules
 * as Explainer.md's Type Checking applies them to core instantiation and to module types.
 *
 * <p>Items: the same sort; functions and tags of equal type; globals of equal value type and mutability (without
 * the GC proposal there is no value subtyping); tables of equal element type; tables and memories of the same
 * index type (and memories of the same sharedness) whose limits fit: the supplied minimum at least the required
 * one and, if a maximum is required, a supplied maximum at most that. A part of a type that validation does not
 * know (an item aliased from an instance of a module using types it does not model) is not compared; the linker
 * matches it.
 *
 * <p>Modules: one may be supplied for a module type when it imports nothing the type does not (imports are
 * contravariant: each of its imports must accept what the type's import of that name supplies) and exports
 * everything the type does, each a subtype of the declared export.
 */
final class CoreSubtype {
    private CoreSubtype() {
    }

    /** Fails unless {@code actual} can be used where a module of type {@code expected} is declared. */
    static void module(ModuleInfo actual, ModuleInfo expected) {
        if (actual.imports().isEmpty() || expected.imports().isEmpty()) {
            return;
        }
        Map<List<String>, CoreItem> provided = new HashMap<>();
        for (ModuleInfo.Import i : expected.imports().get()) {
            provided.put(List.of(i.module(), i.name()), i.item());
        }
        for (ModuleInfo.Import i : actual.imports().get()) {
            String name = i.module() + "::" + i.name();
            CoreItem e = provided.get(List.of(i.module(), i.name()));
            if (e == null) {
                throw new Invalid("missing expected import `" + name + "`");
            }
            Optional<String> why = mismatch(e, i.item());
            if (why.isPresent()) {
                throw new Invalid("type mismatch in import `" + name + "`: " + why.get());
            }
        }
        Map<String, CoreItem> exports = actual.exports().orElseThrow();
        for (Map.Entry<String, CoreItem> e : expected.exports().orElseThrow().entrySet()) {
            CoreItem a = exports.get(e.getKey());
            if (a == null) {
                throw new Invalid("missing expected export `" + e.getKey() + "`");
            }
            Optional<String> why = mismatch(a, e.getValue());
            if (why.isPresent()) {
                throw new Invalid("type mismatch in export `" + e.getKey() + "`: " + why.get());
            }
        }
    }

    /** Why {@code actual} cannot be supplied where {@code expected} is required, if it cannot. */
    static Optional<String> mismatch(CoreItem actual, CoreItem expected) {
        if (actual.sort() != expected.sort()) {
            return Optional.of("expected " + expected.sort().text() + ", found " + actual.sort().text());
        }
        if (actual.func().isPresent() && expected.func().isPresent()
                && !actual.func().get().equals(expected.func().get())) {
            return Optional.of("expected: " + wat(expected.func().get()) + ", found: " + wat(actual.func().get()));
        }
        if (actual.shape().isEmpty() || expected.shape().isEmpty()) {
            return Optional.empty();
        }
        CoreExternType a = actual.shape().get();
        CoreExternType e = expected.shape().get();
        if (a instanceof CoreExternType.Global ag && e instanceof CoreExternType.Global eg) {
            if (ag.type() != eg.type()) {
                return Optional.of("expected global type " + global(eg) + ", found " + global(ag));
            }
            return ag.mutable() == eg.mutable() ? Optional.empty()
                    : Optional.of("global types differ in mutability: expected " + global(eg) + ", found "
                            + global(ag));
        } else if (a instanceof CoreExternType.Table at && e instanceof CoreExternType.Table et) {
            if (at.element() != et.element()) {
                return Optional.of("expected table element type " + et.element().text() + ", found "
                        + at.element().text());
            }
            return limits(at.limits(), et.limits(), "table", "tables");
        } else if (a instanceof CoreExternType.Memory am && e instanceof CoreExternType.Memory em) {
            if (am.limits().shared() != em.limits().shared()) {
                return Optional.of("mismatch in the shared flag for memories");
            }
            return limits(am.limits(), em.limits(), "memory", "memories");
        }
        throw new IllegalStateException("items of one sort with shapes of different kinds: " + a + ", " + e);
    }

    private static Optional<String> limits(CoreLimits a, CoreLimits e, String what, String plural) {
        if (a.address64() != e.address64()) {
            return Optional.of("mismatch in index type used for " + plural);
        }
        // Bounds are u64s: compare them unsigned.
        boolean fits = Long.compareUnsigned(a.min(), e.min()) >= 0
                && (e.max().isEmpty() || a.max().isPresent()
                        && Long.compareUnsigned(a.max().getAsLong(), e.max().getAsLong()) <= 0);
        return fits ? Optional.empty()
                : Optional.of("mismatch in " + what + " limits: expected " + text(e) + ", found " + text(a));
    }

    private static String text(CoreLimits l) {
        String min = "min " + Long.toUnsignedString(l.min());
        return l.max().isEmpty() ? min : min + " max " + Long.toUnsignedString(l.max().getAsLong());
    }

    private static String global(CoreExternType.Global g) {
        return g.mutable() ? "(mut " + g.type().text() + ")" : g.type().text();
    }

    /** A core function type as the text format writes it, e.g. "(func (param i32) (result i64))". */
    static String wat(CoreFuncType t) {
        StringBuilder out = new StringBuilder("(func");
        words(out, "param", t.params());
        words(out, "result", t.results());
        return out.append(')').toString();
    }

    private static void words(StringBuilder out, String keyword, List<CoreValType> types) {
        if (!types.isEmpty()) {
            StringJoiner j = new StringJoiner(" ", " (" + keyword + " ", ")");
            types.forEach(v -> j.add(v.text()));
            out.append(j);
        }
    }
}
