package io.fssdk.runtime.component.core;

import io.fssdk.runtime.component.MalformedException;
import io.fssdk.runtime.component.UnsupportedFeatureException;
import java.nio.charset.StandardCharsets;

/**
 * A decoding pass over one core module that runs before Chicory parses it, so that no length or count in
 * the binary can make the parser allocate more than the binary's own size.
 *
 * <p><b>Why.</b> Chicory 1.7.5 allocates what a length field asks before checking it against the bytes
 * that remain: a 656-byte component whose core module declared a name of 0x0FFFFFF0 bytes made it allocate
 * 256 MiB ({@code Encoding.readName}), and a body declaring four billion locals does worse. Here every
 * vector count and name length is checked against the bytes left in its section ({@link CoreCursor#count}),
 * every section and body size against the bytes left in the module, and each function's locals against
 * {@link CoreSections#MAX_LOCALS}, before anything is allocated. A failure is a
 * {@link MalformedException} naming the module and the byte offset.
 *
 * <p>Every section is decoded: instructions too (their immediates hold vectors, such as {@code br_table}'s),
 * with the decoder the type unifier uses. Custom sections are checked by their size only, except the
 * {@code name} section, whose names Chicory reads: its subsections are decoded as name maps, and one that
 * does not decode as the spec's is skipped by its size, as the spec lets a custom section be.
 */
public final class CoreModuleCheck {
    private static final int CUSTOM = 0;
    private static final int TYPE = 1;
    private static final int MEMORY = 5;
    private static final int EXPORT = 7;
    private static final int START = 8;
    private static final int DATA = 11;
    private static final int DATA_COUNT = 12;

    private CoreModuleCheck() {
    }

    /**
     * Checks {@code module}.
     *
     * @param context names the module in messages, e.g. "core module 2"
     * @throws MalformedException when a length, count or size exceeds what the binary holds, or a function
     *     declares too many locals
     */
    public static void check(byte[] module, String context) {
        int types;
        try {
            CoreTypeSection scan = CoreTypeSection.scan(module, context);
            types = scan.types().size();
        } catch (CoreUnsupported e) {
            // GC types: the type indices cannot be counted by this decoder; check sizes only.
            types = -1;
        }
        int[] identity = new int[Math.max(types, 0)];
        for (int i = 0; i < identity.length; i++) {
            identity[i] = i;
        }
        CoreCursor c = new CoreCursor(module, context, identity, 0);
        CoreSections.preamble(c);
        while (!c.atLimit()) {
            int at = c.pos();
            int id = CoreSections.sectionId(c);
            int size = c.u32();
            if (size > c.limit() - c.pos()) {
                throw c.error(at, "section " + id + " size " + size + " exceeds the remaining "
                        + (c.limit() - c.pos()) + " bytes");
            }
            int end = c.pos() + size;
            int old = c.narrow(end);
            if (types < 0 && id != CUSTOM) {
                c.skip(size);
            } else {
                try {
                    section(c, id, size);
                } catch (CoreUnsupported e) {
                    // A GC instruction: well-formed, perhaps, but nothing in the engine runs it (Chicory 1.7.5
                    // has no GC), so it is refused here, typed, rather than half-checked. Found by fuzzing:
                    // it escaped as this package's internal exception.
                    throw new UnsupportedFeatureException("gc", "the GC proposal: " + e.getMessage(), at);
                }
            }
            c.restoreLimit(old);
        }
    }

    private static void section(CoreCursor c, int id, int size) {
        switch (id) {
            case CUSTOM -> custom(c, size);
            case TYPE, START, DATA_COUNT -> c.skip(size); // decoded by the type scan, or a single index
            case MEMORY -> {
                int n = c.count();
                for (int i = 0; i < n; i++) {
                    CoreSections.limits(c);
                }
                CoreSections.expectEnd(c, "memory section");
            }
            case EXPORT -> {
                int n = c.count();
                for (int i = 0; i < n; i++) {
                    c.name();
                    c.u8();
                    c.u32();
                }
                CoreSections.expectEnd(c, "export section");
            }
            case DATA -> {
                int n = c.count();
                for (int i = 0; i < n; i++) {
                    data(c);
                }
                CoreSections.expectEnd(c, "data section");
            }
            default -> {
                CoreSections.payload(c, id);
                CoreSections.expectEnd(c, "section " + id);
            }
        }
    }

    /** A data segment: active on memory 0, passive, or active on an explicit memory. */
    private static void data(CoreCursor c) {
        int at = c.pos();
        int kind = c.u32();
        switch (kind) {
            case 0 -> CoreExpressions.expr(c);
            case 1 -> { }
            case 2 -> {
                c.u32();
                CoreExpressions.expr(c);
            }
            default -> throw c.error(at, "bad data segment kind " + kind);
        }
        c.name(); // the bytes: a length-prefixed vector, bounded like a name
    }

    private static void custom(CoreCursor c, int size) {
        int start = c.pos();
        int length = c.count();
        byte[] name = new byte[length];
        for (int i = 0; i < length; i++) {
            name[i] = (byte) c.u8();
        }
        if (!"name".equals(new String(name, StandardCharsets.UTF_8))) {
            c.skip(size - (c.pos() - start));
            return;
        }
        while (!c.atLimit()) {
            int kind = c.u8();
            int subAt = c.pos();
            int subSize = c.u32();
            if (subSize > c.limit() - c.pos()) {
                throw c.error(subAt, "name subsection size " + subSize + " exceeds the remaining bytes");
            }
            int old = c.narrow(c.pos() + subSize);
            try {
                switch (kind) {
                    case 0 -> c.name();
                    case 2, 3, 10 -> indirectNameMap(c);
                    default -> nameMap(c);
                }
            } catch (MalformedException e) {
                if (e.getMessage().contains("exceeds the remaining")) {
                    throw e; // a length Chicory would allocate before checking
                }
                // Another layout than the spec's: the rest is skipped, as any custom content may be.
            }
            c.skip(c.limit() - c.pos());
            c.restoreLimit(old);
        }
    }

    /** {@code vec(idx name)}. */
    private static void nameMap(CoreCursor c) {
        int n = c.count();
        for (int i = 0; i < n; i++) {
            c.u32();
            c.name();
        }
    }

    /** {@code vec(idx namemap)}. */
    private static void indirectNameMap(CoreCursor c) {
        int n = c.count();
        for (int i = 0; i < n; i++) {
            c.u32();
            nameMap(c);
        }
    }
}
