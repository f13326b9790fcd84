package io.fssdk.runtime.compiler;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.WasmGcRef;

/**
 * The GC objects an instance's compiled code used last, by number: a direct-mapped cache in front of Chicory's
 * object table, a {@code HashMap} from boxed number to object, whose lookup was the largest cost of a Kotlin
 * guest's object access. Chicory never gives a number out twice, so an entry never goes stale; the cache only
 * keeps its few objects from the JVM's collector a little longer. One per {@link GuestContext}, so one thread.
 */
final class GcObjectCache {
    private static final int SIZE = 256;
    private final int[] ids = new int[SIZE];
    private final WasmGcRef[] objects = new WasmGcRef[SIZE];

    /** The object numbered {@code id}, from the cache or else from {@code instance} (then cached). */
    WasmGcRef get(Instance instance, int id) {
        int slot = id & (SIZE - 1);
        if (ids[slot] == id) {
            return objects[slot];
        }
        WasmGcRef o = instance.gcRef(id);
        if (o != null) {
            ids[slot] = id;
            objects[slot] = o;
        }
        return o;
    }

    /** The object numbered {@code id} if the cache has it, else null. */
    WasmGcRef cached(int id) {
        int slot = id & (SIZE - 1);
        return ids[slot] == id ? objects[slot] : null;
    }

    /** Caches {@code o}, just registered as number {@code id}; returns {@code id}. */
    long put(WasmGcRef o, int id) {
        int slot = id & (SIZE - 1);
        ids[slot] = id;
        objects[slot] = o;
        return id;
    }
}
