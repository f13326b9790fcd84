package io.fssdk.runtime.component.abi;

import io.fssdk.runtime.component.ResourceType;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The handle table of one component instance: one index space shared by every resource type, seen through
 * one typed {@link HandleTable} view per resource type (made on first use), plus the set of resource types the instance itself defines. Not thread-safe: like the Chicory
 * instance, a component instance is used by one thread at a time.
 */
public final class ResourceTables {
    private final Map<ResourceType, HandleTable> tables = new IdentityHashMap<>();
    private final HandleSlots slots = new HandleSlots();
    private final Set<ResourceType> defined = Collections.newSetFromMap(new IdentityHashMap<>());

    /** Empty tables for a new instance. */
    public ResourceTables() {
    }

    /** The table for {@code type}, created empty on first use. */
    public HandleTable table(ResourceType type) {
        HandleTable t = tables.get(type);
        if (t == null) {
            t = new HandleTable(type, slots);
            tables.put(type, t);
        }
        return t;
    }

    /** Records that this instance defines {@code type} (instantiation calls it per resource definition). */
    public void define(ResourceType type) {
        defined.add(type);
    }

    /**
     * Whether this instance defines {@code type}. Lowering a {@code borrow} of such a type into this
     * instance passes the representation itself, as the spec's {@code lower_borrow} does.
     */
    public boolean defines(ResourceType type) {
        return defined.contains(type);
    }
}
