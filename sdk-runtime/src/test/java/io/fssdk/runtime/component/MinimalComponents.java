package io.fssdk.runtime.component;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Hand-assembled components of one core module each, for regression tests that need a core module the
 * fixtures do not have (a huge memory, a corrupt function body). The bytes follow Binary.md: a preamble,
 * a core module section (id 1) and, when the module is to be instantiated, a core instance section (id 2).
 */
final class MinimalComponents {
    private static final byte[] COMPONENT_PREAMBLE = {0, 'a', 's', 'm', 0x0d, 0, 1, 0};
    private static final byte[] MODULE_PREAMBLE = {0, 'a', 's', 'm', 1, 0, 0, 0};
    /** {@code (core instance (instantiate 0))}: section 2, one instance, no arguments. */
    private static final byte[] INSTANTIATE_MODULE_0 = {2, 4, 1, 0, 0, 0};

    private MinimalComponents() {
    }

    /** A component that instantiates a core module with one memory of {@code pages} initial pages. */
    static byte[] withMemory(int pages) {
        byte[] memories = concat(new byte[] {1, 0}, leb(pages));
        byte[] module = concat(MODULE_PREAMBLE, section(5, memories));
        return concat(COMPONENT_PREAMBLE, section(1, module), INSTANTIATE_MODULE_0);
    }

    /**
     * A component holding (not instantiating) a core module with one function of type {@code [] -> []}
     * whose body is {@code body}: the local declarations, the instructions and the final {@code end}.
     */
    static byte[] withFunctionBody(byte[] body) {
        byte[] types = {1, 0x60, 0, 0};
        byte[] functions = {1, 0};
        byte[] code = concat(new byte[] {1}, leb(body.length), body);
        byte[] module = concat(MODULE_PREAMBLE, section(1, types), section(3, functions), section(10, code));
        return concat(COMPONENT_PREAMBLE, section(1, module));
    }

    /**
     * A component exporting {@code spin: func()} lifted from a core function with the given body (local
     * declarations, instructions, final {@code end}), its core export naming function {@code exportIndex}.
     */
    static byte[] exportingBody(byte[] body, int exportIndex) {
        byte[] module = concat(MODULE_PREAMBLE,
                section(1, new byte[] {1, 0x60, 0, 0}),
                section(3, new byte[] {1, 0}),
                section(7, concat(new byte[] {1, 1, 'f', 0}, leb(exportIndex))),
                section(10, concat(new byte[] {1}, leb(body.length), body)));
        return concat(COMPONENT_PREAMBLE,
                section(1, module),
                INSTANTIATE_MODULE_0,
                section(6, new byte[] {1, 0x00, 0x00, 0x01, 0, 1, 'f'}),
                section(7, new byte[] {1, 0x40, 0, 0x01, 0}),
                section(8, new byte[] {1, 0x00, 0x00, 0, 0, 0}),
                section(11, new byte[] {1, 0x00, 4, 's', 'p', 'i', 'n', 0x01, 0, 0}));
    }

    /**
     * A component exporting {@code spin: func()}, lifted from a core function that loops forever:
     * {@code (loop (br_if 0 (i32.const 1)))} when {@code conditional}, else {@code (loop (br 0))}.
     */
    static byte[] spinning(boolean conditional) {
        byte[] body = conditional
                ? new byte[] {0, 0x03, 0x40, 0x41, 0x01, 0x0d, 0x00, 0x0b, 0x0b}
                : new byte[] {0, 0x03, 0x40, 0x0c, 0x00, 0x0b, 0x0b};
        byte[] module = concat(MODULE_PREAMBLE,
                section(1, new byte[] {1, 0x60, 0, 0}),
                section(3, new byte[] {1, 0}),
                section(7, new byte[] {1, 1, 'f', 0, 0}),
                section(10, concat(new byte[] {1}, leb(body.length), body)));
        return concat(COMPONENT_PREAMBLE,
                section(1, module),
                INSTANTIATE_MODULE_0,
                // (alias core export 0 "f" (core func)): sort core func, target core export of instance 0
                section(6, new byte[] {1, 0x00, 0x00, 0x01, 0, 1, 'f'}),
                // (type (func)): no params, no result
                section(7, new byte[] {1, 0x40, 0, 0x01, 0}),
                // (func (canon lift (core func 0) (type 0))) with no options
                section(8, new byte[] {1, 0x00, 0x00, 0, 0, 0}),
                // (export "spin" (func 0))
                section(11, new byte[] {1, 0x00, 4, 's', 'p', 'i', 'n', 0x01, 0, 0}));
    }

    /**
     * A component around {@code module}, lifting its core export {@code name}, a function of one {@code i32}
     * and no result, as {@code name: func(n: s32)}.
     */
    static byte[] liftingOneS32(byte[] module, String name) {
        byte[] n = name.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return concat(COMPONENT_PREAMBLE,
                section(1, module),
                INSTANTIATE_MODULE_0,
                // (alias core export 0 name (core func))
                section(6, concat(new byte[] {1, 0x00, 0x00, 0x01, 0}, leb(n.length), n)),
                // (type (func (param "n" s32)))
                section(7, new byte[] {1, 0x40, 1, 1, 'n', 0x7a, 0x01, 0}),
                // (func (canon lift (core func 0) (type 0))) with no options
                section(8, new byte[] {1, 0x00, 0x00, 0, 0, 0}),
                // (export name (func 0))
                section(11, concat(new byte[] {1, 0x00}, leb(n.length), n, new byte[] {0x01, 0, 0})));
    }

    /**
     * A component holding a core module whose export section declares a name of {@code nameLength} bytes
     * but holds only a few: a parser that allocates by the declared length before checking it allocates
     * {@code nameLength} bytes (the 256 MiB reproducer when it is 0x0FFFFFF0).
     */
    static byte[] withOversizedExportName(int nameLength) {
        byte[] exports = concat(new byte[] {1}, leb(nameLength), new byte[] {'f', 0, 0});
        byte[] module = concat(MODULE_PREAMBLE, section(7, exports));
        return concat(COMPONENT_PREAMBLE, section(1, module));
    }

    /** A component holding a core module with a custom {@code name} section whose function-name map claims {@code count} entries. */
    static byte[] withOversizedNameMap(int count) {
        byte[] sub = concat(new byte[] {1}, leb(count), new byte[] {0, 1, 'f'});
        byte[] custom = concat(new byte[] {4, 'n', 'a', 'm', 'e'}, new byte[] {1}, leb(sub.length - 1), slice(sub, 1));
        byte[] module = concat(MODULE_PREAMBLE, section(0, custom));
        return concat(COMPONENT_PREAMBLE, section(1, module));
    }

    private static byte[] slice(byte[] b, int from) {
        return Arrays.copyOfRange(b, from, b.length);
    }

    private static byte[] section(int id, byte[] payload) {
        return concat(new byte[] {(byte) id}, leb(payload.length), payload);
    }

    private static byte[] leb(int value) {
        byte[] out = new byte[5];
        int n = 0;
        int v = value;
        do {
            int b = v & 0x7F;
            v >>>= 7;
            out[n++] = (byte) (v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return Arrays.copyOf(out, n);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
