package io.fssdk.runtime.component.validate;

import io.fssdk.runtime.component.binary.CoreSort;
import io.fssdk.runtime.component.binary.Sort;
import io.fssdk.runtime.component.binary.SortIndex;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The index spaces and names of one scope: a component, a component type or an instance type, each of which
 * starts with empty index spaces (Explainer.md,
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Explainer.md#index-spaces">Index
 * Spaces</a>) and reaches enclosing scopes only through {@code alias outer}. Also holds the scope's imports
 * and exports with their names, and the resources imported and exported by name, which
 * {@code [constructor]}, {@code [method]} and {@code [static]} names refer to.
 */
final class Scope {
    /** What opened the scope. */
    enum Kind {
        COMPONENT("component"), COMPONENT_TYPE("component type"), INSTANCE_TYPE("instance type");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        String text() {
            return text;
        }
    }

    private final Kind kind;
    private final Scope parent;
    private final Map<CoreSort, Space<CoreItem>> coreItems = new EnumMap<>(CoreSort.class);
    final Space<CoreTypeInfo> coreTypes = new Space<>(Sort.CORE_TYPE.text());
    final Space<ModuleInfo> coreModules = new Space<>(Sort.CORE_MODULE.text());
    final Space<CoreInstanceInfo> coreInstances = new Space<>(Sort.CORE_INSTANCE.text());
    final Space<FuncInfo> funcs = new Space<>(Sort.FUNC.text());
    final Space<TypeInfo> types = new Space<>(Sort.TYPE.text());
    final Space<ComponentInfo> components = new Space<>(Sort.COMPONENT.text());
    final Space<InstanceInfo> instances = new Space<>(Sort.INSTANCE.text());
    final Names importNames = new Names("import");
    final Names exportNames = new Names("export");
    final Map<String, ResourceInfo> importedResources = new HashMap<>();
    final Map<String, ResourceInfo> exportedResources = new HashMap<>();
    final Map<String, Extern> imports = new LinkedHashMap<>();
    final Map<String, Extern> exports = new LinkedHashMap<>();
    /** Which types have an externally visible name here (Explainer.md, External Visibility of Types). */
    final Visibility visibility;
    private boolean freeResource;

    Scope(Kind kind, Scope parent) {
        this.kind = kind;
        this.parent = parent;
        this.visibility = new Visibility(this, parent == null ? null : parent.visibility);
        for (CoreSort s : new CoreSort[] {CoreSort.FUNC, CoreSort.TABLE, CoreSort.MEMORY, CoreSort.GLOBAL,
                CoreSort.TAG}) {
            coreItems.put(s, new Space<>(Sort.of(s).text()));
        }
    }

    Kind kind() {
        return kind;
    }

    /** The enclosing scope, or {@code null} for the outermost component. */
    Scope parent() {
        return parent;
    }

    /** The space of a core sort that core instances export: func, table, memory, global or tag. */
    Space<CoreItem> core(CoreSort sort) {
        Space<CoreItem> space = coreItems.get(sort);
        if (space == null) {
            throw new Invalid("a core " + sort.text() + " is not an item a core instance can export");
        }
        return space;
    }

    /** The scope {@code count} levels out: 0 is this one. */
    Scope outer(int count) {
        if (count < 0) {
            // A u32 count above Integer.MAX_VALUE: far beyond any nesting the decoder allows.
            throw new Invalid("outer alias count " + Integer.toUnsignedString(count) + " exceeds the enclosing scopes");
        }
        Scope s = this;
        for (int i = 0; i < count; i++) {
            if (s.parent == null) {
                throw new Invalid("outer alias count " + Integer.toUnsignedString(count) + " exceeds the " + i
                        + " enclosing scope(s)");
            }
            s = s.parent;
        }
        return s;
    }

    /**
     * The component-level item at {@code index}; of the core sorts only modules are component-level items
     * (Binary.md, Import and Export Definitions).
     */
    Extern item(SortIndex index) {
        int i = index.index();
        return switch (index.sort()) {
            case FUNC -> new Extern(Sort.FUNC, funcs.get(i));
            case TYPE -> new Extern(Sort.TYPE, types.get(i));
            case COMPONENT -> new Extern(Sort.COMPONENT, components.get(i));
            case INSTANCE -> new Extern(Sort.INSTANCE, instances.get(i));
            case CORE_MODULE -> new Extern(Sort.CORE_MODULE, coreModules.get(i));
            case CORE_FUNC, CORE_TABLE, CORE_MEMORY, CORE_GLOBAL, CORE_TAG, CORE_TYPE, CORE_INSTANCE ->
                    throw new Invalid(Extern.a(index.sort()) + " cannot be used as a component-level item");
        };
    }

    /** Appends an item to the index space of its sort. */
    void add(Extern e) {
        switch (e.sort()) {
            case FUNC -> funcs.add((FuncInfo) e.type());
            case TYPE -> types.add((TypeInfo) e.type());
            case COMPONENT -> components.add((ComponentInfo) e.type());
            case INSTANCE -> instances.add((InstanceInfo) e.type());
            case CORE_MODULE -> coreModules.add((ModuleInfo) e.type());
            case CORE_FUNC, CORE_TABLE, CORE_MEMORY, CORE_GLOBAL, CORE_TAG, CORE_TYPE, CORE_INSTANCE ->
                    throw new IllegalStateException("not a component-level item: " + e.sort());
        }
    }

    /** Notes that a declaration of this type scope aliased a resource-mentioning type from outside it. */
    void markFreeResource() {
        freeResource = true;
    }

    /** Whether {@link #markFreeResource()} was called. */
    boolean hasFreeResource() {
        return freeResource;
    }
}
