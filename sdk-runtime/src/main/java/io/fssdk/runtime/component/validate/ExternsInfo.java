package io.fssdk.runtime.component.validate;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What instance and component types have in common: exports by name, and the facts computed once from all
 * their imports and exports (effective size, whether a resource is reachable, nesting depth).
 */
abstract sealed class ExternsInfo implements TypeInfo permits InstanceInfo, ComponentInfo {
    private final Map<String, Extern> exports;
    private final boolean freeResource;
    private final long size;
    private final boolean hasResources;
    private final int depth;

    /**
     * @param imports the imports, which count towards size, resources and depth (none for an instance)
     * @param exports the exports by name, in order
     * @param freeResource whether the type's declarations alias a resource-mentioning type from outside
     */
    ExternsInfo(Collection<Extern> imports, Map<String, Extern> exports, boolean freeResource) {
        this.exports = Collections.unmodifiableMap(new LinkedHashMap<>(exports));
        this.freeResource = freeResource;
        long total = 1;
        boolean resources = false;
        int inner = 0;
        for (Collection<Extern> externs : List.of(imports, this.exports.values())) {
            for (Extern e : externs) {
                total = Entity.sum(total, e.type().size());
                resources |= e.type().hasResources();
                inner = Math.max(inner, e.depth());
            }
        }
        this.size = total;
        this.hasResources = resources;
        this.depth = inner + 1;
    }

    final Map<String, Extern> exports() {
        return exports;
    }

    /** How deeply instance and component types nest inside this one, counting itself. */
    final int depth() {
        return depth;
    }

    @Override
    public final long size() {
        return size;
    }

    @Override
    public final boolean hasResources() {
        return hasResources;
    }

    @Override
    public final boolean mentionsFreeResource() {
        return freeResource;
    }
}
