package io.fssdk.runtime.component.validate;

import io.fssdk.runtime.component.binary.CoreExternType;
import io.fssdk.runtime.component.binary.CoreFuncType;
import io.fssdk.runtime.component.MalformedException;
import io.fssdk.runtime.component.binary.CoreLimits;
import io.fssdk.runtime.component.binary.CoreModule;
import io.fssdk.runtime.component.binary.CoreModuleType;
import io.fssdk.runtime.component.binary.CoreModuleTypeReader;
import io.fssdk.runtime.component.binary.CoreType;
import io.fssdk.runtime.component.binary.CoreTypeDefinition;
import io.fssdk.runtime.component.binary.CoreValType;
import io.fssdk.runtime.component.binary.ModuleDecl;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Validates core types: Binary.md's
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#type-definitions">
 * {@code core:deftype}</a> notes. A core module type starts with an empty core type index space, may not
 * define or alias another module type, and names each two-level import and each export once (two-level
 * imports are mangled into one name by the engine, so a repeat would be ambiguous). Limits follow core
 * WebAssembly: a maximum is at least the minimum, and a memory has at most 2<sup>16</sup> pages
 * (2<sup>48</sup> with memory64).
 *
 * <p>An embedded core module is given the module type its import and export sections spell out, checked by the
 * same rules (so two-level import names are unique there too, as Binary.md requires of every core module in a
 * component): validation can then match it wherever a module type is expected and match the arguments of its
 * instantiation, instead of leaving both to link time.
 */
final class CoreTypeChecker {
    private static final long MAX_PAGES_32 = 1L << 16;
    private static final long MAX_PAGES_64 = 1L << 48;

    private CoreTypeChecker() {
    }

    /** Validates and resolves a core type definition of {@code scope}. */
    static CoreTypeInfo define(CoreType type, Scope scope) {
        if (type instanceof CoreFuncType f) {
            return new CoreTypeInfo.Func(f);
        }
        return module((CoreModuleType) type, scope, "core module type declaration ");
    }

    /**
     * The type of an embedded core module, decoded from its type, import and export sections, or nothing known
     * if those are malformed or use WebAssembly 3.0 types, which this pass does not model. Either way the
     * module is refused after validation, by the core pass or Chicory, which name the module and the fault;
     * validation stays about the component layer.
     */
    static ModuleInfo embedded(CoreModule m, Scope scope) {
        CoreModuleType type;
        try {
            type = CoreModuleTypeReader.read(m.bytes());
        } catch (MalformedException e) {
            // UnsupportedFeatureException is a MalformedException too.
            return ModuleInfo.UNKNOWN;
        }
        // The path already says "core module"; a declarator index would count the module's own types.
        return module(type, scope, null);
    }

    /** @param where the prefix of a declarator's index in messages, or null to name none */
    private static ModuleInfo module(CoreModuleType type, Scope scope, String where) {
        Space<CoreFuncType> types = new Space<>("core type");
        Set<List<String>> importNames = new HashSet<>();
        List<ModuleInfo.Import> imports = new ArrayList<>();
        Map<String, CoreItem> exports = new LinkedHashMap<>();
        int j = 0;
        for (ModuleDecl decl : type.decls()) {
            try {
                if (decl instanceof ModuleDecl.Import i) {
                    if (!importNames.add(List.of(i.module(), i.name()))) {
                        // Mangled as the engine names a two-level import: "module:name".
                        throw new Invalid("duplicate import name `" + i.module() + ":" + i.name() + "`");
                    }
                    imports.add(new ModuleInfo.Import(i.module(), i.name(), extern(i.type(), types)));
                } else if (decl instanceof CoreTypeDefinition d) {
                    if (!(d.type() instanceof CoreFuncType f)) {
                        throw new Invalid("a core module type cannot define another module type");
                    }
                    types.add(f);
                } else if (decl instanceof ModuleDecl.OuterTypeAlias a) {
                    types.add(outer(a, types, scope));
                } else if (decl instanceof ModuleDecl.Export e) {
                    if (exports.putIfAbsent(e.name(), extern(e.type(), types)) != null) {
                        throw new Invalid("export name `" + e.name() + "` already defined");
                    }
                }
            } catch (Invalid e) {
                throw where == null ? e : e.at(where + j);
            }
            j++;
        }
        return ModuleInfo.known(imports, exports);
    }

    /** An outer alias: count 0 is the module type itself, 1 the scope that defines it, and so on. */
    private static CoreFuncType outer(ModuleDecl.OuterTypeAlias a, Space<CoreFuncType> local, Scope scope) {
        if (a.count() == 0) {
            return local.get(a.index());
        }
        CoreTypeInfo target = scope.outer(a.count() - 1).coreTypes.get(a.index());
        if (target instanceof CoreTypeInfo.Func f) {
            return f.type();
        }
        throw new Invalid("core type index " + a.index() + " is a module type, which a module type cannot alias");
    }

    private static CoreItem extern(CoreExternType type, Space<CoreFuncType> types) {
        if (type instanceof CoreExternType.Func f) {
            return CoreItem.func(types.get(f.typeIndex()));
        } else if (type instanceof CoreExternType.Table t) {
            if (!t.element().isReference()) {
                throw new Invalid("table element type must be a reference type, not " + t.element().text());
            }
            limits(t.limits(), Long.MAX_VALUE, "table");
            return CoreItem.of(t);
        } else if (type instanceof CoreExternType.Memory m) {
            limits(m.limits(), m.limits().address64() ? MAX_PAGES_64 : MAX_PAGES_32, "memory");
            if (m.limits().shared() && m.limits().max().isEmpty()) {
                throw new Invalid("a shared memory must have a maximum size");
            }
            return CoreItem.of(m);
        } else if (type instanceof CoreExternType.Global g) {
            return CoreItem.of(g);
        }
        CoreFuncType tag = types.get(((CoreExternType.Tag) type).typeIndex());
        if (!tag.results().isEmpty()) {
            throw new Invalid("a tag's function type must have no results");
        }
        return CoreItem.tag(tag);
    }

    private static void limits(CoreLimits l, long cap, String what) {
        // The minimum and maximum are u64s: compare them unsigned.
        if (Long.compareUnsigned(l.min(), cap) > 0
                || (l.max().isPresent() && Long.compareUnsigned(l.max().getAsLong(), cap) > 0)) {
            throw new Invalid(what + " size must be at most " + cap);
        }
        if (l.max().isPresent() && Long.compareUnsigned(l.max().getAsLong(), l.min()) < 0) {
            throw new Invalid(what + " maximum " + Long.toUnsignedString(l.max().getAsLong())
                    + " is below its minimum " + Long.toUnsignedString(l.min()));
        }
    }

    /** A core function type as "[i32 i32] -> [i32]", for messages. */
    static String text(CoreFuncType t) {
        return list(t.params()) + " -> " + list(t.results());
    }

    private static String list(List<CoreValType> types) {
        StringJoiner out = new StringJoiner(" ", "[", "]");
        types.forEach(t -> out.add(t.text()));
        return out.toString();
    }
}
