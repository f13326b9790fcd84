package io.fssdk.runtime.component.link;

import io.fssdk.runtime.component.FuncSignature;
import io.fssdk.runtime.component.InvalidException;
import io.fssdk.runtime.component.ResourceType;
import io.fssdk.runtime.component.binary.Alias;
import io.fssdk.runtime.component.binary.CoreTypeDefinition;
import io.fssdk.runtime.component.binary.ExportDecl;
import io.fssdk.runtime.component.binary.ExternType;
import io.fssdk.runtime.component.binary.InstanceDecl;
import io.fssdk.runtime.component.binary.Sort;
import io.fssdk.runtime.component.binary.TypeBound;
import io.fssdk.runtime.component.binary.TypeDefinition;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The resolved exports of an instance type: what an imported instance must provide. Resource exports
 * ({@code (export "store" (type (sub resource)))}) get their identity from a binder, which the linker
 * backs with the host's resource types; every later use of that type index refers to it.
 *
 * @param exports the exports by name, in declaration order
 */
record InstanceShape(Map<String, Export> exports) {
    InstanceShape {
        exports = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(exports));
    }

    /** One export of an instance type. */
    sealed interface Export {
        /** A function export with its signature. */
        record Func(FuncSignature signature) implements Export {
            public Func {
                Objects.requireNonNull(signature, "signature");
            }
        }

        /** A type export: a resource or an alias of a defined type. */
        record Type(TypeEntry entry) implements Export {
            public Type {
                Objects.requireNonNull(entry, "entry");
            }
        }

        /** A nested instance export. */
        record Instance(InstanceShape shape) implements Export {
            public Instance {
                Objects.requireNonNull(shape, "shape");
            }
        }

        /** Any other sort (component, core module); carried only for messages. */
        record Other(Sort sort) implements Export {
            public Other {
                Objects.requireNonNull(sort, "sort");
            }
        }
    }

    /**
     * Resolves an instance type.
     *
     * @param type the instance type and the scope it was defined in
     * @param binder gives the identity of each exported resource, by export name
     */
    static InstanceShape resolve(TypeEntry.Instance type, Function<String, ResourceType> binder) {
        TypeScope scope = new TypeScope(type.scope());
        Map<String, Export> exports = new LinkedHashMap<>();
        for (InstanceDecl decl : type.declaration().decls()) {
            if (decl instanceof CoreTypeDefinition) {
                scope.addCoreType();
            } else if (decl instanceof TypeDefinition t) {
                scope.add(TypeResolver.define(t.type(), scope));
            } else if (decl instanceof Alias.Outer o) {
                if (o.sort() == Sort.TYPE) {
                    scope.add(scope.outer(o.count()).get(o.index()));
                } else if (o.sort() == Sort.CORE_TYPE) {
                    scope.addCoreType();
                } else {
                    throw new InvalidException("outer alias of sort " + o.sort().text() + " in an instance type");
                }
            } else if (decl instanceof Alias a) {
                throw new InvalidException("alias of sort " + a.sort().text() + " is not allowed in an instance type");
            } else if (decl instanceof ExportDecl e) {
                String name = e.name().text();
                exports.put(name, export(e.type(), name, scope, binder));
            }
        }
        return new InstanceShape(exports);
    }

    private static Export export(ExternType type, String name, TypeScope scope,
            Function<String, ResourceType> binder) {
        if (type instanceof ExternType.Func f) {
            TypeEntry e = scope.get(f.typeIndex());
            if (e instanceof TypeEntry.Func fn) {
                return new Export.Func(fn.signature());
            }
            throw new InvalidException("export `" + name + "` is declared a func of type index " + f.typeIndex()
                    + ", which is a " + e.describe());
        } else if (type instanceof ExternType.Type t) {
            TypeEntry entry = t.bound() instanceof TypeBound.Eq eq
                    ? scope.get(eq.typeIndex())
                    : new TypeEntry.Resource(binder.apply(name));
            scope.add(entry);
            return new Export.Type(entry);
        } else if (type instanceof ExternType.Instance i) {
            TypeEntry e = scope.get(i.typeIndex());
            if (e instanceof TypeEntry.Instance it) {
                return new Export.Instance(resolve(it, n -> binder.apply(name + "/" + n)));
            }
            throw new InvalidException("export `" + name + "` is declared an instance of a " + e.describe());
        }
        return new Export.Other(type.sort());
    }
}
