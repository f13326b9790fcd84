package io.fssdk.runtime.component.validate;

import io.fssdk.runtime.component.binary.Alias;
import io.fssdk.runtime.component.binary.Sort;

/**
 * Validates aliases, as definitions and as type declarators: Binary.md's
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#alias-definitions">Alias
 * Definitions</a>. An export alias names an existing export of the right sort (every component-level
 * instance's exports are known; a core instance's only when it is a bag of exports or instantiates a module
 * of known type). An outer alias's count stays within the enclosing scopes, and a type it carries across a
 * component boundary may not refer to a resource. In a type, export aliases only reach instances and types,
 * and outer aliases only types and core types.
 */
final class AliasChecker {
    private AliasChecker() {
    }

    /** Validates {@code a} and appends what it names to the scope. */
    static void check(Alias a, Scope scope) {
        boolean inType = scope.kind() != Scope.Kind.COMPONENT;
        if (a instanceof Alias.InstanceExport ie) {
            if (inType && ie.sort() != Sort.INSTANCE && ie.sort() != Sort.TYPE) {
                throw onlyTypes(scope, ie.sort());
            }
            InstanceInfo instance = scope.instances.get(ie.instanceIndex());
            Extern e = instance.exports().get(ie.name());
            if (e == null) {
                throw new Invalid("instance " + ie.instanceIndex() + " has no export named `" + ie.name() + "`");
            }
            if (e.sort() != ie.sort()) {
                throw new Invalid("export `" + ie.name() + "` of instance " + ie.instanceIndex() + " is "
                        + Extern.a(e.sort()) + ", not " + Extern.a(ie.sort()));
            }
            scope.add(e);
        } else if (a instanceof Alias.CoreInstanceExport ce) {
            if (inType) {
                throw onlyTypes(scope, ce.sort());
            }
            CoreInstanceInfo instance = scope.coreInstances.get(ce.instanceIndex());
            Space<CoreItem> space = scope.core(ce.coreSort());
            CoreItem item = CoreItem.of(ce.coreSort());
            if (instance.exports().isPresent()) {
                item = instance.exports().get().get(ce.name());
                if (item == null) {
                    throw new Invalid("core instance " + ce.instanceIndex() + " has no export named `" + ce.name()
                            + "`");
                }
                if (item.sort() != ce.coreSort()) {
                    throw new Invalid("export `" + ce.name() + "` of core instance " + ce.instanceIndex()
                            + " is a core " + item.sort().text() + ", not a core " + ce.coreSort().text());
                }
            }
            space.add(item);
        } else {
            outer((Alias.Outer) a, scope, inType);
        }
    }

    private static void outer(Alias.Outer o, Scope scope, boolean inType) {
        if (inType && o.sort() != Sort.TYPE && o.sort() != Sort.CORE_TYPE) {
            throw onlyTypes(scope, o.sort());
        }
        Scope target = scope.outer(o.count());
        int i = o.index();
        switch (o.sort()) {
            case CORE_MODULE -> scope.coreModules.add(target.coreModules.get(i));
            case CORE_TYPE -> scope.coreTypes.add(target.coreTypes.get(i));
            case COMPONENT -> scope.components.add(target.components.get(i));
            case TYPE -> scope.types.add(outerType(target.types.get(i), i, scope, target));
            case CORE_FUNC, CORE_TABLE, CORE_MEMORY, CORE_GLOBAL, CORE_TAG, CORE_INSTANCE, FUNC, INSTANCE ->
                    // The decoder admits only the outeraliassorts; kept for a model built by other means.
                    throw new Invalid("an outer alias cannot refer to " + Extern.a(o.sort()));
        }
    }

    /**
     * An outer type alias. Resource types are generative per component instance, so a type that mentions
     * one may not cross into a nested component (Binary.md); crossing only type boundaries is fine, but the
     * types crossed then mention a resource from outside themselves, which matters if they are aliased
     * further out later.
     */
    private static TypeInfo outerType(TypeInfo t, int index, Scope scope, Scope target) {
        if (t.mentionsFreeResource()) {
            for (Scope s = scope; s != target; s = s.parent()) {
                if (s.kind() == Scope.Kind.COMPONENT) {
                    throw new Invalid("type index " + index + " of an enclosing component transitively refers to"
                            + " resources, so it cannot be aliased into a nested component");
                }
            }
            for (Scope s = scope; s != target; s = s.parent()) {
                s.markFreeResource();
            }
        }
        return t;
    }

    private static Invalid onlyTypes(Scope scope, Sort sort) {
        return new Invalid("an alias in a " + scope.kind().text() + " may only refer to types or instances, not "
                + Extern.a(sort));
    }
}
