package io.fssdk.runtime.component.core;

/**
 * The second pass over one module: walks the
 * <a href="https://webassembly.github.io/spec/core/binary/modules.html#sections">sections</a>, replaces the
 * type section with the union, and decodes every section that holds a type index or a value type to
 * rewrite those in place. Everything else, custom sections included, is copied byte for byte.
 *
 * <p>Sections that carry type indices: imports (function and tag imports), functions, tags, code
 * ({@code call_indirect}, block types, ...). Sections that carry value types, which may name a type in
 * {@code (ref $t)}: imports (table and global imports), tables, globals, elements and code (locals).
 *
 * <p>The custom {@code name} section is copied as is, though its type-name subsection (id 4) still uses
 * the old numbering: that only mislabels types in debug output, and Chicory ignores the subsection.
 */
final class CoreSections {
    private static final int CUSTOM = 0;
    private static final int IMPORT = 2;
    private static final int FUNCTION = 3;
    private static final int TABLE = 4;
    private static final int GLOBAL = 6;
    private static final int ELEMENT = 9;
    private static final int CODE = 10;
    private static final int TAG = 13;
    private static final int MAX_ID = 13;
    /** The most locals one function may declare: wasmtime's limit, far above what any compiler emits. */
    static final int MAX_LOCALS = 50_000;
    private static final byte[] PREAMBLE = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};

    private CoreSections() {
    }

    /**
     * Rewrites {@code module} to use the type section {@code union}.
     *
     * @param types the module's own type section, from the first pass
     * @param map the new index of each of the module's types
     * @param union the complete union type section, id and size included
     */
    static byte[] rewrite(byte[] module, CoreTypeSection types, int[] map, byte[] union, String context) {
        CoreCursor c = new CoreCursor(module, context, map, union.length + map.length * 2);
        preamble(c);
        boolean identity = isIdentity(map);
        boolean typesPlaced = false;
        while (!c.atLimit()) {
            int at = c.pos();
            int id = sectionId(c);
            int size = c.u32();
            if (size > c.limit() - c.pos()) {
                throw c.error(at, "section " + id + " size exceeds the remaining bytes");
            }
            int end = c.pos() + size;
            if (!typesPlaced && id != CUSTOM) {
                // The type section comes before every other non-custom section.
                if (!types.present()) {
                    c.replace(at, at, union);
                }
                typesPlaced = true;
            }
            if (id == CoreTypeSection.ID) {
                c.replace(at, end, union);
                c.skip(size);
            } else if (identity || !holdsTypes(id)) {
                c.skip(size);
            } else {
                int old = c.narrow(end);
                c.open(at + 1);
                payload(c, id);
                expectEnd(c, "section " + id);
                c.close();
                c.restoreLimit(old);
            }
        }
        if (!typesPlaced && !types.present()) {
            c.replace(module.length, module.length, union);
        }
        return c.finish();
    }

    private static boolean holdsTypes(int id) {
        return id == IMPORT || id == FUNCTION || id == TABLE || id == GLOBAL || id == ELEMENT || id == CODE
                || id == TAG;
    }

    private static boolean isIdentity(int[] map) {
        for (int i = 0; i < map.length; i++) {
            if (map[i] != i) {
                return false;
            }
        }
        return true;
    }

    static void payload(CoreCursor c, int id) {
        int n = c.count();
        for (int i = 0; i < n; i++) {
            switch (id) {
                case IMPORT -> importEntry(c);
                case FUNCTION -> c.typeIndex();
                case TABLE -> table(c);
                case GLOBAL -> {
                    CoreExpressions.valType(c);
                    c.u8();
                    CoreExpressions.expr(c);
                }
                case ELEMENT -> CoreElements.segment(c);
                case CODE -> body(c);
                case TAG -> {
                    c.u8();
                    c.typeIndex();
                }
                default -> throw new IllegalStateException("section " + id + " holds no types");
            }
        }
    }

    private static void importEntry(CoreCursor c) {
        c.name();
        c.name();
        int at = c.pos();
        int kind = c.u8();
        switch (kind) {
            case 0x00 -> c.typeIndex();
            case 0x01 -> {
                CoreExpressions.valType(c);
                limits(c);
            }
            case 0x02 -> limits(c);
            case 0x03 -> {
                CoreExpressions.valType(c);
                c.u8();
            }
            case 0x04 -> {
                c.u8();
                c.typeIndex();
            }
            default -> throw c.error(at, String.format("bad import kind 0x%02x", kind));
        }
    }

    /** A table: {@code reftype limits}, or {@code 0x40 0x00 reftype limits expr} with an initializer. */
    private static void table(CoreCursor c) {
        boolean init = c.peek() == CoreValTypes.EMPTY;
        if (init) {
            c.u8();
            c.u8();
        }
        CoreExpressions.valType(c);
        limits(c);
        if (init) {
            CoreExpressions.expr(c);
        }
    }

    /**
     * Limits: a flags byte (bit 0 a maximum, bit 1 shared, bit 2 64-bit, bit 3 a custom page size), the
     * minimum, then the optional maximum and page size.
     */
    static void limits(CoreCursor c) {
        int at = c.pos();
        int flags = c.u8();
        if (flags > 0x0f) {
            throw c.error(at, String.format("bad limits flags 0x%02x", flags));
        }
        c.leb(10);
        if ((flags & 0x01) != 0) {
            c.leb(10);
        }
        if ((flags & 0x08) != 0) {
            c.u32();
        }
    }

    /** A function body: its size, local declarations and instructions, a region of its own. */
    private static void body(CoreCursor c) {
        int sizeAt = c.pos();
        int size = c.u32();
        if (size > c.limit() - c.pos()) {
            throw c.error(sizeAt, "function body size " + size + " exceeds the remaining bytes");
        }
        int old = c.narrow(c.pos() + size);
        c.open(sizeAt);
        int groups = c.count();
        long locals = 0;
        for (int i = 0; i < groups; i++) {
            int at = c.pos();
            locals += Integer.toUnsignedLong(c.u32());
            if (locals > MAX_LOCALS) {
                // Checked before Chicory sees the body: it sizes arrays by the declared count.
                throw c.error(at, "too many locals (over " + MAX_LOCALS + " in one function)");
            }
            CoreExpressions.valType(c);
        }
        CoreExpressions.expr(c);
        expectEnd(c, "function body");
        c.close();
        c.restoreLimit(old);
    }

    /** Checks the magic number and version 1. */
    static void preamble(CoreCursor c) {
        for (byte b : PREAMBLE) {
            int at = c.pos();
            if (c.atLimit()) {
                throw c.error(at, "unexpected end in the preamble");
            }
            if (c.u8() != (b & 0xff)) {
                throw c.error(at, at < 4 ? "not a core module (bad magic number)" : "unsupported core module version");
            }
        }
    }

    /** Reads a section id, rejecting unknown ones. */
    static int sectionId(CoreCursor c) {
        int at = c.pos();
        int id = c.u8();
        if (id > MAX_ID) {
            throw c.error(at, "unknown section id " + id);
        }
        return id;
    }

    /** Checks a region was consumed exactly. */
    static void expectEnd(CoreCursor c, String what) {
        if (!c.atLimit()) {
            throw c.error(c.pos(), what + " has " + (c.limit() - c.pos()) + " bytes left over");
        }
    }
}
