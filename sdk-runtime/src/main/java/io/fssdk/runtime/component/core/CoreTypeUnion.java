package io.fssdk.runtime.component.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The union of the function types of several modules, each structurally distinct type once, numbered in
 * order of first appearance (module by module, index by index), and the renumbering of each module's
 * types into it.
 */
final class CoreTypeUnion {
    private final Map<Key, Integer> indices = new HashMap<>();
    private final List<byte[]> types = new ArrayList<>();
    private int bytes;

    /** Adds a module's types (canonical encodings, in index order); returns each one's new index. */
    int[] add(List<byte[]> moduleTypes) {
        int[] map = new int[moduleTypes.size()];
        for (int i = 0; i < map.length; i++) {
            byte[] type = moduleTypes.get(i);
            Integer index = indices.get(new Key(type));
            if (index == null) {
                index = types.size();
                indices.put(new Key(type), index);
                types.add(type);
                bytes += type.length;
            }
            map[i] = index;
        }
        return map;
    }

    /** The number of distinct types. */
    int size() {
        return types.size();
    }

    /** The complete type section (id, size, count and types) every module gets. */
    byte[] section() {
        CoreWriter w = new CoreWriter(bytes + 16);
        w.u8(CoreTypeSection.ID);
        int mark = w.reserve();
        w.u32(types.size());
        for (byte[] type : types) {
            w.bytes(type, 0, type.length);
        }
        w.patch(mark);
        return w.toByteArray();
    }

    /** A canonical encoding compared by content, since arrays compare by identity. */
    private record Key(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Key" + Arrays.toString(bytes);
        }
    }
}
