package io.fssdk.runtime.component.validate;

import io.fssdk.runtime.component.binary.Export;
import io.fssdk.runtime.component.binary.ExportDecl;
import io.fssdk.runtime.component.binary.ExternName;
import io.fssdk.runtime.component.binary.ExternType;
import io.fssdk.runtime.component.binary.Import;
import io.fssdk.runtime.component.binary.NameAttributes;
import io.fssdk.runtime.component.binary.Sort;
import io.fssdk.runtime.component.binary.TypeBound;
import java.util.Map;
import java.util.Optional;

/**
 * Validates imports, exports and export declarators: Binary.md's
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#import-and-export-definitions">
 * Import and Export Definitions</a>. Each {@code externtype} index names a type of the matching kind; names
 * are strongly unique per scope and direction; {@code implements} only annotates instances with plain names;
 * and {@code [constructor]r}, {@code [method]r.m} and
 * {@code [static]r.f} name functions that follow a resource {@code r} imported (or exported, for exports)
 * in the same scope, with a constructor returning {@code own<r>} (or {@code result<own<r>, E>}) and a method
 * taking {@code self: borrow<r>} first. Each import or export declarator of an instance type gets new abstract
 * resources ({@link Substitution#freshInstance}): two imports of one instance type are two sets of resources.
 */
final class ExternChecker {
    private ExternChecker() {
    }

    /** A component's import, or a component type's import declarator. */
    static void declareImport(Import i, Scope scope) {
        scope.importNames.add(i.name());
        Extern e = Visibility.fresh(Substitution.freshInstance(resolve(i.type(), scope), scope));
        describe(i.name(), i.attributes(), e, e, scope.importedResources);
        scope.visibility.imported(e);
        scope.imports.put(i.name().text(), e);
        scope.add(e);
    }

    /** An export declarator of a component or instance type. */
    static void declareExport(ExportDecl d, Scope scope) {
        scope.exportNames.add(d.name());
        Extern e = Visibility.fresh(Substitution.freshInstance(resolve(d.type(), scope), scope));
        describe(d.name(), d.attributes(), e, e, scope.exportedResources);
        scope.visibility.exported(e);
        scope.exports.put(d.name().text(), e);
        scope.add(e);
    }

    /**
     * A component's export. Its new index has the item's own type: the optional ascription must be
     * well-formed, of the item's sort and a supertype of the item's type ({@link Subtype}), and is what the
     * name rules and the component's type (what an instance of it exports) see.
     */
    static void export(Export x, Scope scope) {
        Extern item = Visibility.fresh(scope.item(x.item()));
        Extern declared = x.type().isPresent() ? ascription(x.type().get(), item, scope) : item;
        scope.exportNames.add(x.name());
        describe(x.name(), x.attributes(), item, declared, scope.exportedResources);
        scope.visibility.exported(declared);
        scope.visibility.exportedAlso(item);
        // The outside sees the declared type: an ascription may hide exports of an instance, and, as
        // `(sub resource)`, a resource's identity (a new abstract type to the outside, not the same as the
        // item's other exports).
        boolean abstracted = x.type().isPresent() && x.type().get() instanceof ExternType.Type t
                && t.bound() instanceof TypeBound.SubResource;
        scope.exports.put(x.name().text(),
                abstracted ? new Extern(Sort.TYPE, ResourceInfo.abstractIn(scope)) : declared);
        scope.add(item);
    }

    private static Extern ascription(ExternType type, Extern item, Scope scope) {
        if (type instanceof ExternType.Type t && t.bound() instanceof TypeBound.SubResource) {
            // Re-exporting a resource abstractly: outside it is a fresh type, inside still the same one.
            if (!(item.type() instanceof ResourceInfo)) {
                throw new Invalid("a `(sub resource)` ascription needs a resource type, not "
                        + ((TypeInfo) item.type()).describe());
            }
            return item;
        }
        Extern asc = resolve(type, scope);
        if (asc.sort() != item.sort()) {
            throw new Invalid("the type ascription is for " + Extern.a(asc.sort()) + ", but the item is "
                    + Extern.a(item.sort()));
        }
        try {
            Subtype.forAscription().extern(item, asc);
        } catch (Invalid x) {
            throw x.at("the item does not match the export's type ascription");
        }
        return asc;
    }

    /** Resolves an {@code externtype}: the index must name a type of the kind its sort needs. */
    static Extern resolve(ExternType type, Scope scope) {
        if (type instanceof ExternType.Module m) {
            CoreTypeInfo t = scope.coreTypes.get(m.coreTypeIndex());
            if (t instanceof ModuleInfo info) {
                return new Extern(Sort.CORE_MODULE, info);
            }
            throw new Invalid("core type index " + m.coreTypeIndex() + " is not a module type");
        } else if (type instanceof ExternType.Func f) {
            return new Extern(Sort.FUNC, kind(f.typeIndex(), scope, FuncInfo.class, "a func type"));
        } else if (type instanceof ExternType.Component c) {
            return new Extern(Sort.COMPONENT, kind(c.typeIndex(), scope, ComponentInfo.class, "a component type"));
        } else if (type instanceof ExternType.Instance i) {
            return new Extern(Sort.INSTANCE, kind(i.typeIndex(), scope, InstanceInfo.class, "an instance type"));
        }
        TypeBound bound = ((ExternType.Type) type).bound();
        if (bound instanceof TypeBound.Eq eq) {
            return new Extern(Sort.TYPE, scope.types.get(eq.typeIndex()));
        }
        return new Extern(Sort.TYPE, ResourceInfo.abstractIn(scope));
    }

    private static <T extends TypeInfo> T kind(int index, Scope scope, Class<T> kind, String what) {
        TypeInfo t = scope.types.get(index);
        if (kind.isInstance(t)) {
            return kind.cast(t);
        }
        throw new Invalid("type index " + index + " is " + t.describe() + ", not " + what);
    }

    /**
     * The rules every import or export name follows, given the item and the type it is declared with, and
     * notes a resource's name in {@code resources} for the annotated names after it.
     */
    static void describe(ExternName name, NameAttributes attributes, Extern item, Extern declared,
            Map<String, ResourceInfo> resources) {
        if (attributes.implementsName().isPresent()) {
            if (item.sort() != Sort.INSTANCE) {
                throw new Invalid("only instances can have an `implements` attribute, not " + Extern.a(item.sort()));
            }
            if (!(name instanceof ExternName.Plain)) {
                throw new Invalid("name `" + name + "` is not valid with `implements`: it must be a plain name");
            }
        }
        annotated(name, declared, resources);
        if (item.sort() == Sort.TYPE && item.type() instanceof ResourceInfo r) {
            resources.put(name.text(), r);
        }
    }

    private static void annotated(ExternName name, Extern e, Map<String, ResourceInfo> resources) {
        String resourceName;
        if (name instanceof ExternName.Constructor c) {
            resourceName = c.resource();
        } else if (name instanceof ExternName.Method m) {
            resourceName = m.resource();
        } else if (name instanceof ExternName.Static s) {
            resourceName = s.resource();
        } else {
            return;
        }
        if (e.sort() != Sort.FUNC) {
            throw new Invalid("`" + name + "` is " + Extern.a(e.sort()) + ", but annotated names are for funcs");
        }
        ResourceInfo r = resources.get(resourceName);
        if (r == null) {
            throw new Invalid("`" + name + "` needs a preceding resource named `" + resourceName
                    + "` in the same scope");
        }
        FuncInfo f = (FuncInfo) e.type();
        if (name instanceof ExternName.Constructor) {
            Optional<ValueInfo> ok = f.result().flatMap(t -> t.kind() == ValueInfo.Kind.RESULT
                    ? t.parts().get(0) : Optional.of(t));
            if (ok.isEmpty() || !handleOf(ok.get(), ValueInfo.Kind.OWN, r)) {
                throw new Invalid("`" + name + "` must return `own<" + resourceName + ">` or `result<own<"
                        + resourceName + ">, E>`");
            }
        } else if (name instanceof ExternName.Method) {
            if (f.params().isEmpty() || !f.params().get(0).label().equals("self")
                    || !handleOf(f.params().get(0).type(), ValueInfo.Kind.BORROW, r)) {
                throw new Invalid("`" + name + "` must take `self: borrow<" + resourceName + ">` first");
            }
        }
    }

    private static boolean handleOf(ValueInfo t, ValueInfo.Kind kind, ResourceInfo r) {
        return t.kind() == kind && t.resource().orElseThrow() == r;
    }
}
