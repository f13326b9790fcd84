package io.fssdk.runtime.component.binary;

/**
 * Decodes Binary.md's {@code externtype} and {@code typebound} (Type Definitions).
 */
final class ExternTypeReader {
    private ExternTypeReader() {
    }

    /** Reads an {@code externtype}; the 🪙 {@code value} case is rejected as unsupported. */
    static ExternType read(BinaryReader r) {
        int offset = r.offset();
        int b = r.u8("extern type");
        return switch (b) {
            case 0x00 -> {
                int at = r.offset();
                int core = r.u8("core extern type");
                if (core != 0x11) {
                    throw r.badByte(at, core, "core extern type (only module, 0x11)");
                }
                yield new ExternType.Module(r.index("core type index"));
            }
            case 0x01 -> new ExternType.Func(r.index("type index"));
            case 0x02 -> throw r.unsupported(offset, "`value` import or export", "component-model values");
            case 0x03 -> new ExternType.Type(bound(r));
            case 0x04 -> new ExternType.Component(r.index("type index"));
            case 0x05 -> new ExternType.Instance(r.index("type index"));
            default -> throw r.badByte(offset, b, "extern type");
        };
    }

    private static TypeBound bound(BinaryReader r) {
        int offset = r.offset();
        int b = r.u8("type bound");
        return switch (b) {
            case 0x00 -> new TypeBound.Eq(r.index("type index"));
            case 0x01 -> new TypeBound.SubResource();
            default -> throw r.badByte(offset, b, "type bound");
        };
    }
}
