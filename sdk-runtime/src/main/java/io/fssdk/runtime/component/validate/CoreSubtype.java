package io.fssdk.runtime.component.validate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Core module subtyping for {@link Subtype} (the core WebAssembly rules lifted to module types, as
 * Explainer.md's Type Checking applies them): a module may be supplied for a module type when it imports
 * nothing the type does not (imports are contravariant) and exports everything the type does, each of the
 * same sort and, for functions and tags, the same signature. Validation knows core item types only by sort
 * and function signature, and knows a module's imports and exports only when the module itself is imported
 * with a module type; an embedded module is matched by the linker, which parses it.
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
            if (!same(e, i.item())) {
                throw new Invalid("type mismatch in import `" + name + "`");
            }
        }
        Map<String, CoreItem> exports = actual.exports().orElseThrow();
        for (Map.Entry<String, CoreItem> e : expected.exports().orElseThrow().entrySet()) {
            CoreItem a = exports.get(e.getKey());
            if (a == null) {
                throw new Invalid("missing expected export `" + e.getKey() + "`");
            }
            if (!same(a, e.getValue())) {
                throw new Invalid("type mismatch in export `" + e.getKey() + "`");
            }
        }
    }

    /** Same sort and, where both are known, the same signature. */
    private static boolean same(CoreItem a, CoreItem b) {
        return a.sort() == b.sort()
                && (a.func().isEmpty() || b.func().isEmpty() || a.func().get().equals(b.func().get()));
    }
}
