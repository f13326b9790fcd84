package io.fssdk.runtime.component.core;

/**
 * One segment of the <a href="https://webassembly.github.io/spec/core/binary/modules.html#element-section">
 * element section</a>. Its leading flags (0 to 7) say whether it is active (with an explicit table or
 * not), passive or declarative, and whether its items are function indices (after an {@code elemkind}
 * byte) or expressions (after a reference type). Only the reference type and the expressions can hold a
 * type index.
 */
final class CoreElements {
    private static final int PASSIVE_OR_DECLARATIVE = 0x01;
    private static final int EXPLICIT_TABLE = 0x02;
    private static final int EXPRESSIONS = 0x04;

    private CoreElements() {
    }

    static void segment(CoreCursor c) {
        int at = c.pos();
        int flags = c.u32();
        if (flags > 7) {
            throw c.error(at, "bad element segment flags " + flags);
        }
        boolean active = (flags & PASSIVE_OR_DECLARATIVE) == 0;
        if (active && (flags & EXPLICIT_TABLE) != 0) {
            c.u32();
        }
        if (active) {
            CoreExpressions.expr(c);
        }
        // Flags 0 and 4 imply funcref and say nothing; the others name the kind or type.
        boolean typed = flags != 0 && flags != 4;
        if ((flags & EXPRESSIONS) == 0) {
            if (typed) {
                int kindAt = c.pos();
                if (c.u8() != 0x00) {
                    throw c.error(kindAt, "bad element kind");
                }
            }
            int n = c.count();
            for (int i = 0; i < n; i++) {
                c.leb(5);
            }
        } else {
            if (typed) {
                CoreExpressions.valType(c);
            }
            int n = c.count();
            for (int i = 0; i < n; i++) {
                CoreExpressions.expr(c);
            }
        }
    }
}
