package io.fssdk.runtime.component.validate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An instance type, or the type of an instance: its exports by name. Every component-level instance has a
 * statically known type (from an import's instance type, an instantiated component's exports or a bag of
 * exports), which is what lets {@code alias export} be checked by name and sort.
 */
final class InstanceInfo implements TypeInfo {
    private final Map<String, Extern> exports;
    private final boolean freeResource;
    private final long size;
    private final boolean hasResources;
    private final int depth;

    /**
     * @param exports the exports by name, in order
     * @param freeResource whether the type's declarations alias a resource-mentioning type from outside
     */
    InstanceInfo(Map<String, Extern> exports, boolean freeResource) {
        this.exports = Collections.unmodifiableMap(new LinkedHashMap<>(exports));
        this.freeResource = freeResource;
        long total = 1;
        boolean resources = false;
        int inner = 0;
        for (Extern e : this.exports.values()) {
            total = Entity.sum(total, e.type().size());
            resources |= e.type().hasResources();
            inner = Math.max(inner, e.depth());
        }
        this.size = total;
        this.hasResources = resources;
        this.depth = inner + 1;
    }

    Map<String, Extern> exports() {
        return exports;
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
        return "an instance type";
    }
}
