package io.fssdk.runtime.component.core;

/**
 * A copy of a core module whose function bodies are all replaced by {@code unreachable}: every other section
 * (types, imports, tables, memories, globals, exports, elements, data, names) stays byte for byte.
 *
 * <p>Why: when the code cache holds compiled code for every function of a module, Chicory needs the module's
 * structure to instantiate it but never runs a body, and decoding the bodies into instruction objects is most
 * of a big guest's parse (StarlingMonkey's 12 MB module: about 0.3 s stubbed against 1.4 s or more whole).
 * A stub traps if anything ever did run it, rather than doing something else quietly. The number of bodies
 * is kept, so the function and code sections still agree.
 */
public final class StubBodies {
    private static final int CODE = 10;
    private static final int HEADER = 8;
    /** One body: its size (3), no local declarations, {@code unreachable}, {@code end}. */
    private static final byte[] STUB = {3, 0, 0x00, 0x0b};

    private StubBodies() {
    }

    /**
     * The module with stub bodies.
     *
     * @param module a core module that has passed {@link CoreModuleCheck} (so its sections are well formed)
     * @param context names the module in error messages, e.g. "core module 2"
     * @throws io.fssdk.runtime.component.MalformedException if the section structure is not well formed after all
     */
    public static byte[] of(byte[] module, String context) {
        CoreCursor in = new CoreCursor(module, context, null, 0);
        CoreWriter out = new CoreWriter(module.length / 4);
        in.skip(HEADER); // magic and version: checked before
        out.bytes(module, 0, HEADER);
        while (!in.atLimit()) {
            int start = in.pos();
            int id = in.u8();
            int size = in.u32();
            int payload = in.pos();
            in.skip(size);
            if (id != CODE) {
                out.bytes(module, start, in.pos() - start);
                continue;
            }
            CoreCursor section = new CoreCursor(module, context, null, 0);
            section.skip(payload);
            int bodies = section.count();
            out.u8(CODE);
            int mark = out.reserve();
            out.u32(bodies);
            for (int i = 0; i < bodies; i++) {
                out.bytes(STUB, 0, STUB.length);
            }
            out.patch(mark);
        }
        return out.toByteArray();
    }
}
