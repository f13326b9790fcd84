package io.fssdk.runtime.component.validate;

import io.fssdk.runtime.component.binary.Sort;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Component-level subtyping (Explainer.md,
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Explainer.md#type-checking">Type
 * Checking</a>): whether an item of type {@code actual} may be supplied where {@code expected} is declared,
 * as an instantiation argument or under an export's type ascription. Value and function types must be
 * structurally equal (labels included); an instance must have every export the expected type lists, each a
 * subtype (extra exports are fine); resources compare by identity.
 *
 * <p>An expected type may declare abstract resources, {@code (sub resource)}, that stand for whatever the
 * actual item supplies: the first time one is met it is bound to the actual resource, and afterwards must
 * match that binding (so {@code (eq $a)} imports and handles of {@code $a} follow it). Which resources are
 * such placeholders depends on the use, hence {@link #bindable}. Every other resource has a statically
 * known identity ({@link Substitution} renews them per instantiation), which must be the same.
 *
 * <p>Value types are DAGs shared by identity, so each (actual, expected) pair is checked once (memoized):
 * the work is linear in the size of the types as defined, not as expanded. Recursion follows the nesting,
 * which {@link TypeChecker} caps at {@link io.fssdk.runtime.component.binary.Limits#MAX_TYPE_NESTING_DEPTH}.
 */
final class Subtype {
    private final Predicate<ResourceInfo> bindable;
    private final boolean ignoreResources;
    private final Map<ResourceInfo, ResourceInfo> bound = new IdentityHashMap<>();
    private final Map<Entity, Set<Entity>> proven = new IdentityHashMap<>();

    private Subtype(Predicate<ResourceInfo> bindable, boolean ignoreResources) {
        this.bindable = bindable;
        this.ignoreResources = ignoreResources;
    }

    /**
     * For the arguments of one instantiation of a component whose declarations are in {@code world}: its
     * abstract resources are bound, in import order, to the arguments' (Binary.md, Instance Definitions).
     */
    static Subtype forInstantiation(Scope world) {
        return new Subtype(r -> r.declaredWithin(world), false);
    }

    /** For an export's type ascription: the ascribed type's own abstract resources are placeholders. */
    static Subtype forAscription() {
        return new Subtype(ResourceInfo::isAbstractInType, false);
    }

    /**
     * Structure only, resources matching anything: for the imports and exports of a component supplied
     * where a component type is expected, whose resources are bound contravariantly, which this pass does
     * not model (the linker re-checks them).
     */
    private static Subtype structural() {
        return new Subtype(r -> false, true);
    }

    /** Fails unless an item of {@code actual}'s sort and type can be used where {@code expected} is declared. */
    void extern(Extern actual, Extern expected) {
        if (actual.sort() != expected.sort()) {
            throw new Invalid("expected " + Extern.a(expected.sort()) + ", found " + Extern.a(actual.sort()));
        }
        if (actual.sort() == Sort.CORE_MODULE) {
            CoreSubtype.module((ModuleInfo) actual.type(), (ModuleInfo) expected.type());
        } else {
            type((TypeInfo) actual.type(), (TypeInfo) expected.type());
        }
    }

    private void type(TypeInfo actual, TypeInfo expected) {
        if (expected instanceof ResourceInfo e) {
            if (!(actual instanceof ResourceInfo a)) {
                throw new Invalid("expected resource, found " + actual.describe());
            }
            resource(a, e);
            return;
        }
        if (actual instanceof ResourceInfo) {
            throw new Invalid("expected defined type, found resource");
        }
        if (actual.getClass() != expected.getClass()) {
            throw new Invalid("expected " + expected.describe() + ", found " + actual.describe());
        }
        if (!firstTime(actual, expected)) {
            return;
        }
        if (expected instanceof ValueInfo e) {
            ValueSubtype.check(this, (ValueInfo) actual, e);
        } else if (expected instanceof FuncInfo e) {
            func((FuncInfo) actual, e);
        } else if (expected instanceof InstanceInfo e) {
            instance((InstanceInfo) actual, e);
        } else {
            component((ComponentInfo) actual, (ComponentInfo) expected);
        }
    }

    /** Whether the pair is new; pairs already met were (or are being) checked, and failures do not return. */
    private boolean firstTime(Entity actual, Entity expected) {
        if (actual == expected && !actual.hasResources()) {
            return false;
        }
        return proven.computeIfAbsent(actual, k -> Collections.newSetFromMap(new IdentityHashMap<>()))
                .add(expected);
    }

    void value(ValueInfo actual, ValueInfo expected) {
        if (firstTime(actual, expected)) {
            ValueSubtype.check(this, actual, expected);
        }
    }

    /** Resource identity, binding {@code expected} first if it is a placeholder not met before. */
    void resource(ResourceInfo actual, ResourceInfo expected) {
        // Aliases (the names imports and exports introduce) are the same type.
        ResourceInfo a = actual.canonical();
        ResourceInfo e = expected.canonical();
        if (ignoreResources || a == e) {
            return;
        }
        ResourceInfo want = bound.get(e);
        if (want == null && bindable.test(e)) {
            bound.put(e, a);
            return;
        }
        if (want == null) {
            want = e;
        }
        if (want != a) {
            throw new Invalid("resource types are not the same");
        }
    }

    private void func(FuncInfo actual, FuncInfo expected) {
        int n = expected.params().size();
        if (actual.params().size() != n) {
            throw new Invalid("expected " + n + " parameters, found " + actual.params().size());
        }
        for (int i = 0; i < n; i++) {
            FuncInfo.Param e = expected.params().get(i);
            FuncInfo.Param a = actual.params().get(i);
            if (!e.label().equals(a.label())) {
                throw new Invalid("expected parameter named `" + e.label() + "`, found `" + a.label() + "`");
            }
            try {
                value(a.type(), e.type());
            } catch (Invalid x) {
                throw x.at("type mismatch in function parameter `" + e.label() + "`");
            }
        }
        if (expected.result().isPresent() != actual.result().isPresent()) {
            throw new Invalid(expected.result().isPresent() ? "expected a result, found none"
                    : "expected no result, found one");
        }
        if (expected.result().isPresent()) {
            try {
                value(actual.result().get(), expected.result().get());
            } catch (Invalid x) {
                throw x.at("type mismatch with result type");
            }
        }
    }

    private void instance(InstanceInfo actual, InstanceInfo expected) {
        exports(actual.exports(), expected.exports(), this);
    }

    /**
     * A component where a component type is expected: it may import less (each of its imports must be
     * expected, with a type the expected one can be used as) and must export at least what is expected.
     */
    private void component(ComponentInfo actual, ComponentInfo expected) {
        Subtype inner = structural();
        for (Map.Entry<String, Extern> imp : actual.imports().entrySet()) {
            Extern e = expected.imports().get(imp.getKey());
            if (e == null) {
                throw new Invalid("missing expected import `" + imp.getKey() + "`");
            }
            try {
                inner.extern(e, imp.getValue());
            } catch (Invalid x) {
                throw x.at("type mismatch in import `" + imp.getKey() + "`");
            }
        }
        exports(actual.exports(), expected.exports(), inner);
    }

    private static void exports(Map<String, Extern> actual, Map<String, Extern> expected, Subtype checker) {
        for (Map.Entry<String, Extern> exp : expected.entrySet()) {
            Extern a = actual.get(exp.getKey());
            if (a == null) {
                throw new Invalid("missing expected export `" + exp.getKey() + "`");
            }
            try {
                checker.extern(a, exp.getValue());
            } catch (Invalid x) {
                throw x.at("type mismatch in instance export `" + exp.getKey() + "`");
            }
        }
    }
}
