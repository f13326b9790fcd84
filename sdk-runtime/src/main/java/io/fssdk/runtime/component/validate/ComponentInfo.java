package io.fssdk.runtime.component.validate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A component type, or the type of a component: its imports and exports by name, and the scope they were
 * declared in (the component itself, or the component type), whose abstract resources each instantiation
 * replaces.
 */
final class ComponentInfo extends ExternsInfo {
    private final Map<String, Extern> imports;
    private final Scope world;

    /**
     * @param imports the imports by name, in order
     * @param exports the exports by name, in order
     * @param world the scope the imports and exports were declared in
     * @param freeResource whether the declarations alias a resource-mentioning type from outside
     */
    ComponentInfo(Map<String, Extern> imports, Map<String, Extern> exports, Scope world, boolean freeResource) {
        super(imports.values(), exports, freeResource);
        this.imports = Collections.unmodifiableMap(new LinkedHashMap<>(imports));
        this.world = Objects.requireNonNull(world, "world");
    }

    Map<String, Extern> imports() {
        return imports;
    }

    /** The scope of the declarations: its abstract resources are bound anew by each instantiation. */
    Scope world() {
        return world;
    }

    @Override
    public String describe() {
        return "a component type";
    }
}
