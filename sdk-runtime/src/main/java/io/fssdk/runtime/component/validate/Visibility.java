package io.fssdk.runtime.component.validate;

import io.fssdk.runtime.component.binary.Sort;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * External visibility of types (Explainer.md,
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Explainer.md#external-visibility-of-types">
 * External Visibility of Types</a>), for one scope. Every resource and every {@code record}, {@code variant},
 * {@code enum} and {@code flags} used in the type of an import or export needs an externally visible name:
 * the type index introduced by an import or export of that type (not the index passed into an export), or
 * one aliased from an imported or exported instance. Imports may only use imported names; exports may use
 * both. Anonymous types (primitives, tuples, lists, options, results) are looked through.
 *
 * <p>Names are tracked by identity: importing or exporting a value type appends a fresh copy
 * ({@link #fresh}), which is the named one; a resource gets an {@linkplain ResourceInfo#alias() alias}, a new
 * name for the same type (subtyping compares the canonical resource). An instance type's exported types count as named within that instance type, and its
 * check waits until it is attached to an import or export; a component type's declarations are checked
 * eagerly, in its own scope.
 *
 * <p>Where this pass cannot tell, it accepts: value types a nested
 * component imported (an instantiation replaces them by the argument, which this pass does not substitute
 * for value types).
 */
final class Visibility {
    private final Scope scope;
    private final Map<ValueInfo, Scope> importedIn;
    private final Set<Entity> imported = identitySet();
    private final Set<Entity> exported = identitySet();
    private final Set<Entity> fineForImports = identitySet();
    private final Set<Entity> fineForExports = identitySet();

    /** @param parent the enclosing scope's, whose record of value types imported by scope is shared */
    Visibility(Scope scope, Visibility parent) {
        this.scope = scope;
        this.importedIn = parent == null ? new IdentityHashMap<>() : parent.importedIn;
    }

    private static Set<Entity> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    /**
     * The item to add for an imported or exported type: a value type gets the fresh identity that is named, a
     * resource an {@linkplain ResourceInfo#alias() alias}.
     */
    static Extern fresh(Extern e) {
        if (e.type() instanceof ValueInfo v) {
            return new Extern(Sort.TYPE, v.copy());
        }
        return e.type() instanceof ResourceInfo r ? new Extern(Sort.TYPE, r.alias()) : e;
    }

    /**
     * Notes that {@code to} is {@code from} with resources substituted by an instantiation, so that a value
     * type a nested component imported stays recognisable in the instance's exports.
     */
    void substituted(ValueInfo from, ValueInfo to) {
        Scope s = importedIn.get(from);
        if (s != null) {
            importedIn.put(to, s);
        }
    }

    /** Checks an import's type, then names the types it introduces. */
    void imported(Extern e) {
        check(e, false);
        name(e, imported);
        if (e.type() instanceof ValueInfo v) {
            importedIn.put(v, scope);
        }
    }

    /** Checks an export's (declared) type, then names the types it introduces. */
    void exported(Extern declared) {
        check(declared, true);
        name(declared, exported);
    }

    /** Names the types an exported item introduces, when it differs from its declared type. */
    void exportedAlso(Extern item) {
        name(item, exported);
    }

    private void check(Extern e, boolean export) {
        if (scope.kind() == Scope.Kind.INSTANCE_TYPE) {
            return;
        }
        Check c = new Check(export);
        Optional<String> bad = switch (e.sort()) {
            case FUNC -> c.func((FuncInfo) e.type());
            case INSTANCE -> c.instance((InstanceInfo) e.type());
            case TYPE -> c.contents((TypeInfo) e.type());
            default -> Optional.empty();
        };
        if (bad.isPresent()) {
            throw new Invalid(e.sort().text() + " not valid to be used as " + (export ? "export" : "import")
                    + ": " + bad.get() + " has no externally visible name here (import or export it first)");
        }
    }

    private static void name(Extern e, Set<Entity> into) {
        if (e.sort() == Sort.TYPE) {
            into.add(e.type());
        } else if (e.sort() == Sort.INSTANCE) {
            instanceTypes((InstanceInfo) e.type(), into);
        }
    }

    /** The types an instance exports, directly or through nested instances. */
    private static void instanceTypes(InstanceInfo i, Set<Entity> into) {
        for (Extern x : i.exports().values()) {
            if (x.sort() == Sort.TYPE) {
                into.add(x.type());
            } else if (x.sort() == Sort.INSTANCE) {
                instanceTypes((InstanceInfo) x.type(), into);
            }
        }
    }

    /** One check of one import or export, with the names of the instance types it passes through. */
    private final class Check {
        private final boolean export;
        private final Set<Entity> local = identitySet();
        private final Set<Entity> seen = identitySet();

        Check(boolean export) {
            this.export = export;
        }

        private boolean named(Entity t) {
            if (imported.contains(t) || (export && exported.contains(t)) || local.contains(t)) {
                return true;
            }
            Scope from = t instanceof ValueInfo v ? importedIn.get(v) : null;
            for (Scope s = from == null ? null : from.parent(); s != null; s = s.parent()) {
                if (s == scope) {
                    return true;
                }
            }
            return false;
        }

        Optional<String> func(FuncInfo f) {
            for (FuncInfo.Param p : f.params()) {
                Optional<String> bad = value(p.type());
                if (bad.isPresent()) {
                    return bad;
                }
            }
            return f.result().isPresent() ? value(f.result().get()) : Optional.empty();
        }

        /** An instance's exports, its own exported types counting as named. */
        Optional<String> instance(InstanceInfo i) {
            instanceTypes(i, local);
            for (Extern x : i.exports().values()) {
                Optional<String> bad = switch (x.sort()) {
                    case FUNC -> func((FuncInfo) x.type());
                    case INSTANCE -> instance((InstanceInfo) x.type());
                    case TYPE -> contents((TypeInfo) x.type());
                    default -> Optional.empty();
                };
                if (bad.isPresent()) {
                    return bad;
                }
            }
            return Optional.empty();
        }

        /** What a type being imported or exported refers to; the type itself gets named by it. */
        Optional<String> contents(TypeInfo t) {
            if (t instanceof ValueInfo v) {
                return parts(v);
            } else if (t instanceof FuncInfo f) {
                return func(f);
            } else if (t instanceof InstanceInfo i) {
                return instance(i);
            }
            return Optional.empty();
        }

        /** A value type used by an import or export: nameable kinds need a name, anonymous ones are looked into. */
        private Optional<String> value(ValueInfo v) {
            switch (v.kind()) {
                case RECORD, VARIANT, ENUM, FLAGS -> {
                    String kind = v.kind().name().toLowerCase(Locale.ROOT);
                    return named(v) ? Optional.empty() : Optional.of("a " + kind + " type it uses");
                }
                case OWN, BORROW -> {
                    ResourceInfo r = v.resource().orElseThrow();
                    return named(r) ? Optional.empty() : Optional.of("a resource type it uses");
                }
                default -> {
                    return parts(v);
                }
            }
        }

        /** The parts of {@code v}; anonymous nodes are visited once per check and remembered per scope. */
        private Optional<String> parts(ValueInfo v) {
            Set<Entity> fine = export ? fineForExports : fineForImports;
            if (fine.contains(v) || !seen.add(v)) {
                return Optional.empty();
            }
            for (Optional<ValueInfo> p : v.parts()) {
                if (p.isPresent()) {
                    Optional<String> bad = value(p.get());
                    if (bad.isPresent()) {
                        return bad;
                    }
                }
            }
            if (local.isEmpty()) {
                // The names only grow, so what is fine now stays fine; with instance-local names it may not be.
                fine.add(v);
            }
            return Optional.empty();
        }
    }
}
