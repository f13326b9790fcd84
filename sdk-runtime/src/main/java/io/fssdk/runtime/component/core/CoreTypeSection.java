package io.fssdk.runtime.component.core;

import java.util.ArrayList;
import java.util.List;

/**
 * One module's <a href="https://webassembly.github.io/spec/core/binary/modules.html#type-section">type
 * section</a>, read in the first pass: each function type in a canonical encoding (shortest LEB128
 * counts, {@code (ref null func)} written as {@code funcref}, and so on), so that two structurally equal
 * types have equal bytes whatever their source encodings, plus where the section lies.
 *
 * <p>Only function types ({@code 0x60}) over value types with abstract heap types are handled. A GC type
 * ({@code rec}, {@code sub}, {@code struct}, {@code array}) or a reference to a concrete type index
 * raises {@link CoreUnsupported}: such types are equal only up to the iso-recursive equivalence of
 * <a href="https://webassembly.github.io/gc/core/valid/conventions.html#rolling-and-unrolling">rolling and
 * unrolling</a>, which is beyond a byte comparison.
 */
final class CoreTypeSection {
    /** The section id of the type section. */
    static final int ID = 1;
    private static final int FUNC = 0x60;
    private static final int GC_REC = 0x4e;
    private static final int GC_SUB = 0x50;
    private static final int GC_SUB_FINAL = 0x4f;
    private static final int GC_STRUCT = 0x5f;
    private static final int GC_ARRAY = 0x5e;

    private final List<byte[]> types;
    private final int start;
    private final int end;

    private CoreTypeSection(List<byte[]> types, int start, int end) {
        this.types = types;
        this.start = start;
        this.end = end;
    }

    /** Each type's canonical encoding, in index order. */
    List<byte[]> types() {
        return types;
    }

    /** Whether the module has a type section at all. */
    boolean present() {
        return start >= 0;
    }

    /** The offset of the section's id byte, or -1 when absent. */
    int start() {
        return start;
    }

    /** The offset just past the section, or -1 when absent. */
    int end() {
        return end;
    }

    /**
     * Checks the preamble, walks the section headers and decodes the type section.
     *
     * @throws io.fssdk.runtime.component.MalformedException if the bytes do not decode
     * @throws CoreUnsupported for GC types
     */
    static CoreTypeSection scan(byte[] module, String context) {
        CoreCursor c = new CoreCursor(module, context, new int[0], 0);
        CoreSections.preamble(c);
        List<byte[]> types = List.of();
        int start = -1;
        int end = -1;
        while (!c.atLimit()) {
            int at = c.pos();
            int id = CoreSections.sectionId(c);
            int size = c.u32();
            if (size > c.limit() - c.pos()) {
                throw c.error(at, "section " + id + " size " + size + " exceeds the remaining "
                        + (c.limit() - c.pos()) + " bytes");
            }
            int payloadEnd = c.pos() + size;
            if (id == ID) {
                if (start >= 0) {
                    throw c.error(at, "duplicate type section");
                }
                int old = c.narrow(payloadEnd);
                types = read(c);
                CoreSections.expectEnd(c, "type section");
                c.restoreLimit(old);
                start = at;
                end = payloadEnd;
            } else {
                c.skip(size);
            }
        }
        return new CoreTypeSection(types, start, end);
    }

    private static List<byte[]> read(CoreCursor c) {
        int count = c.count();
        List<byte[]> types = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
            int at = c.pos();
            int form = c.u8();
            if (form == GC_REC || form == GC_SUB || form == GC_SUB_FINAL || form == GC_STRUCT || form == GC_ARRAY) {
                throw new CoreUnsupported(String.format("gc type form 0x%02x at offset %d", form, at));
            }
            if (form != FUNC) {
                throw c.error(at, String.format("bad type form 0x%02x", form));
            }
            CoreWriter key = new CoreWriter(16);
            key.u8(FUNC);
            valTypes(c, key);
            valTypes(c, key);
            types.add(key.toByteArray());
        }
        return List.copyOf(types);
    }

    private static void valTypes(CoreCursor c, CoreWriter key) {
        int n = c.count();
        key.u32(n);
        for (int i = 0; i < n; i++) {
            int at = c.pos();
            int b = c.u8();
            if (CoreValTypes.isShorthand(b)) {
                key.u8(b);
            } else if (b == CoreValTypes.REF_NULL || b == CoreValTypes.REF) {
                int hat = c.pos();
                long ht = c.s33();
                if (ht >= 0) {
                    throw new CoreUnsupported("a concrete reference type in a function type at offset " + at);
                }
                int abs = (int) (ht + 0x80);
                if (ht < -0x40 || !CoreValTypes.isAbstractHeapType(abs)) {
                    throw c.error(hat, "bad heap type " + ht);
                }
                // (ref null ht) and its shorthand are the same type; keep one spelling.
                if (b == CoreValTypes.REF) {
                    key.u8(b);
                }
                key.u8(abs);
            } else {
                throw c.error(at, String.format("bad value type 0x%02x", b));
            }
        }
    }
}
