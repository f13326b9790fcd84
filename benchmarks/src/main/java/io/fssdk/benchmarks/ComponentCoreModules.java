package io.fssdk.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The core modules embedded at the top level of a component binary, in section order (the
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md">component
 * binary format</a>: a core module section, id 1, holds one whole core module). The runtime's own component
 * parser is not exported, and a benchmark only needs the bytes, so this reads the section headers and
 * nothing else: nested components (section 4) are skipped, not searched.
 */
final class ComponentCoreModules {
    private static final byte[] PREAMBLE = {0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00};
    private static final int CORE_MODULE_SECTION = 1;

    private ComponentCoreModules() {
    }

    /** Every top-level core module of {@code component}, each as a standalone core module binary. */
    static List<byte[]> of(byte[] component) {
        if (component.length < PREAMBLE.length
                || !Arrays.equals(component, 0, PREAMBLE.length, PREAMBLE, 0, PREAMBLE.length)) {
            throw new IllegalArgumentException("not a component binary (bad preamble at offset 0)");
        }
        List<byte[]> modules = new ArrayList<>();
        int[] at = {PREAMBLE.length};
        while (at[0] < component.length) {
            int sectionStart = at[0];
            int id = component[at[0]++] & 0xff;
            int size = u32(component, at);
            if (size > component.length - at[0]) {
                throw new IllegalArgumentException("section " + id + " at offset " + sectionStart
                        + ": size " + size + " runs past the end of the binary");
            }
            if (id == CORE_MODULE_SECTION) {
                modules.add(Arrays.copyOfRange(component, at[0], at[0] + size));
            }
            at[0] += size;
        }
        return List.copyOf(modules);
    }

    // LEB128 u32, at most five bytes; at[0] is the cursor, advanced past the number.
    private static int u32(byte[] b, int[] at) {
        long value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (at[0] >= b.length) {
                throw new IllegalArgumentException("truncated u32 at offset " + at[0]);
            }
            int next = b[at[0]++] & 0xff;
            value |= (long) (next & 0x7f) << shift;
            if ((next & 0x80) == 0) {
                if (value > 0xffff_ffffL) {
                    throw new IllegalArgumentException("u32 out of range before offset " + at[0]);
                }
                return (int) Math.min(value, Integer.MAX_VALUE);
            }
        }
        throw new IllegalArgumentException("u32 longer than five bytes before offset " + at[0]);
    }
}
