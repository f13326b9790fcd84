package io.fssdk.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The core modules inside a component binary, with their sizes and function counts, found by walking
 * the section headers of the component (and of its nested components) and, inside each core module,
 * only its import and function sections. Function bodies are never decoded, so this is cheap even for
 * a 12 MB StarlingMonkey component. It describes; the engine ({@code Component.load}) validates.
 *
 * @param kind what the binary is
 * @param modules the core modules, in binary order, nested components' included
 */
record ComponentLayout(Kind kind, List<CoreModule> modules) {
    private static final int COMPONENT_LAYER = 1;
    private static final int CORE_MODULE_SECTION = 1;
    private static final int NESTED_COMPONENT_SECTION = 4;
    private static final int CORE_IMPORT_SECTION = 2;
    private static final int CORE_FUNCTION_SECTION = 3;

    /** What a binary is, by its preamble. */
    enum Kind { COMPONENT, CORE_MODULE, NOT_WASM }

    /**
     * One core module.
     *
     * @param path where it is: {@code module 2}, or {@code component 0 / module 1} inside a nested one
     * @param sizeBytes the size of the module's binary
     * @param importedFunctions functions it imports
     * @param definedFunctions functions it defines (has code for)
     */
    record CoreModule(String path, long sizeBytes, int importedFunctions, int definedFunctions) {
        CoreModule {
            Objects.requireNonNull(path, "path");
        }
    }

    ComponentLayout {
        modules = List.copyOf(modules);
    }

    /**
     * Walks a binary.
     *
     * @throws IllegalArgumentException when a section runs past the end (a truncated or malformed file)
     */
    static ComponentLayout of(byte[] binary) {
        if (binary.length < 8 || binary[0] != 0 || binary[1] != 'a' || binary[2] != 's' || binary[3] != 'm') {
            return new ComponentLayout(Kind.NOT_WASM, List.of());
        }
        int layer = (binary[6] & 0xFF) | (binary[7] & 0xFF) << 8;
        if (layer != COMPONENT_LAYER) {
            return new ComponentLayout(Kind.CORE_MODULE, List.of(module("module 0", binary, 0, binary.length)));
        }
        List<CoreModule> out = new ArrayList<>();
        walkComponent(binary, 8, binary.length, "", out);
        return new ComponentLayout(Kind.COMPONENT, out);
    }

    private static void walkComponent(byte[] b, int start, int end, String prefix, List<CoreModule> out) {
        Reader r = new Reader(b, start, end);
        int modules = 0;
        int components = 0;
        while (r.pos < end) {
            int id = r.u8();
            int size = r.u32();
            int payload = r.pos;
            r.skip(size);
            if (id == CORE_MODULE_SECTION) {
                out.add(module(prefix + "module " + modules++, b, payload, payload + size));
            } else if (id == NESTED_COMPONENT_SECTION) {
                walkComponent(b, payload + 8, payload + size, prefix + "component " + components++ + " / ", out);
            }
        }
    }

    private static CoreModule module(String path, byte[] b, int start, int end) {
        Reader r = new Reader(b, start + 8, end);
        int imported = 0;
        int defined = 0;
        while (r.pos < end) {
            int id = r.u8();
            int size = r.u32();
            int payload = r.pos;
            if (id == CORE_IMPORT_SECTION) {
                imported = countFunctionImports(new Reader(b, payload, payload + size));
            } else if (id == CORE_FUNCTION_SECTION) {
                defined = new Reader(b, payload, payload + size).u32();
            }
            r.skip(size);
        }
        return new CoreModule(path, end - start, imported, defined);
    }

    private static int countFunctionImports(Reader r) {
        int count = r.u32();
        int functions = 0;
        for (int i = 0; i < count; i++) {
            r.skip(r.u32()); // module name
            r.skip(r.u32()); // field name
            int kind = r.u8();
            switch (kind) {
                case 0x00 -> {
                    r.u32();
                    functions++;
                }
                case 0x01 -> {
                    r.refType();
                    r.limits();
                }
                case 0x02 -> r.limits();
                case 0x03 -> {
                    r.refTypeOrValType();
                    r.u8();
                }
                case 0x04 -> {
                    r.u8();
                    r.u32();
                }
                default -> throw new IllegalArgumentException("unknown import kind 0x" + Integer.toHexString(kind)
                        + " at byte " + (r.pos - 1));
            }
        }
        return functions;
    }

    /** A bounds-checked cursor over a slice of the binary. */
    private static final class Reader {
        private final byte[] b;
        private final int end;
        private int pos;

        Reader(byte[] b, int pos, int end) {
            if (end > b.length || pos > end) {
                throw new IllegalArgumentException("section runs past the end of the file at byte " + pos);
            }
            this.b = b;
            this.pos = pos;
            this.end = end;
        }

        int u8() {
            if (pos >= end) {
                throw new IllegalArgumentException("unexpected end at byte " + pos);
            }
            return b[pos++] & 0xFF;
        }

        int u32() {
            long result = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                int x = u8();
                result |= (long) (x & 0x7F) << shift;
                if ((x & 0x80) == 0) {
                    if (result > Integer.MAX_VALUE) {
                        throw new IllegalArgumentException("length too large at byte " + pos);
                    }
                    return (int) result;
                }
            }
            throw new IllegalArgumentException("malformed LEB128 at byte " + pos);
        }

        void skip(int n) {
            if (n < 0 || n > end - pos) {
                throw new IllegalArgumentException("section runs past the end of the file at byte " + pos);
            }
            pos += n;
        }

        void limits() {
            int flags = u8();
            skipLeb(); // memory64 limits are u64: skipped, never read as a value
            if ((flags & 0x01) != 0) {
                skipLeb();
            }
        }

        void refType() {
            int t = u8();
            if (t == 0x63 || t == 0x64) {
                heapType();
            }
        }

        void refTypeOrValType() {
            refType();
        }

        /** An s33 heap type: one byte for abstract types, a LEB index otherwise. */
        private void heapType() {
            skipLeb();
        }

        private void skipLeb() {
            for (int i = 0; i < 10; i++) {
                if ((u8() & 0x80) == 0) {
                    return;
                }
            }
            throw new IllegalArgumentException("malformed LEB128 at byte " + pos);
        }
    }
}
