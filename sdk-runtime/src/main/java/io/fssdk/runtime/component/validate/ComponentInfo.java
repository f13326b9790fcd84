package io.fssdk.runtime.component.validate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A component type, or the type of a component: its imports and exports by name, and the scope they were
 * declared in (the component itself, or the component type), whose abstract resources each instantiation
 * replaces.
 */
final class ComponentInfo implements TypeInfo {
    private final Map<String, Extern> imports;
    private final Map<String, Extern> exports;
    private final Scope world;
    private final boolean freeResource;
    private final long size;
    private final boolean hasResources;
    private final int depth;

    /**
     * @param imports the imports by name, in order
     * @param exports the exports by name, in order
     * @param world the scope the imports and exports were declared in
     * @param freeResource whether the declarations alias a resource-mentioning type from outside
     */
    ComponentInfo(Map<String, Extern> imports, Map<String, Extern> exports, Scope world, boolean freeResource) {
        this.imports = Collections.unmodifiableMap(new LinkedHashMap<>(imports));
        this.exports = Collections.unmodifiableMap(new LinkedHashMap<>(exports));
        this.world = Objects.requireNonNull(world, "world");
        this.freeResource = freeResource;
        long total = 1;
        boolean resources = false;
        int inner = 0;
        for (Map<String, Extern> m : List.of(this.imports, this.exports)) {
            for (Extern e : m.values()) {
                total = Entity.sum(total, e.type().size());
                resources |= e.type().hasResources();
                inner = Math.max(inner, e.depth());
            }
        }
        this.size = total;
        this.hasResources = resources;
        this.depth = inner + 1;
    }

    Map<String, Extern> imports() {
        return imports;
    }

    Map<String, Extern> exports() {
        return exports;
    }

    /** The scope of the declarations: its abstract resources are bound anew by each instantiation. */
    Scope world() {
        return world;
    }

    /** How deeply instance and component types nest inside this one, counting itself. */
    int depth() {
        return depth;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public boolean hasResources() {
        return hasResources;
    }

    @Override
    public boolean mentionsFreeResource() {
        return freeResource;
    }

    @Override
    public String describe() {
        return "a component type";
    }
}
