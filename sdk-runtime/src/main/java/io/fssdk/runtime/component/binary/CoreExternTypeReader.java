package io.fssdk.runtime.component.binary;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Decodes the core-wasm types that component binaries embed outside core modules: core
 * {@code externtype}, {@code valtype}, {@code limits} and function types, as reused by Binary.md's
 * core module types and resource types. WebAssembly 3.0 typed and GC references are rejected by name.
 */
final class CoreExternTypeReader {
    private static final String GC = "webassembly 3.0 gc";

    private CoreExternTypeReader() {
    }

    /** Reads a core {@code externtype}. */
    static CoreExternType read(BinaryReader r) {
        int offset = r.offset();
        int b = r.u8("core extern type");
        return switch (b) {
            case 0x00 -> new CoreExternType.Func(r.index("core type index"));
            case 0x01 -> table(r);
            case 0x02 -> new CoreExternType.Memory(limits(r));
            case 0x03 -> global(r);
            case 0x04 -> {
                int at = r.offset();
                int attribute = r.u8("tag attribute");
                if (attribute != 0x00) {
                    throw r.badByte(at, attribute, "tag attribute (must be 0x00)");
                }
                yield new CoreExternType.Tag(r.index("core type index"));
            }
            default -> throw r.badByte(offset, b, "core extern type");
        };
    }

    /** Reads a core {@code valtype} (number, vector, or {@code funcref}/{@code externref}). */
    static CoreValType readValType(BinaryReader r) {
        int offset = r.offset();
        int b = r.u8("core value type");
        return switch (b) {
            case 0x7f -> CoreValType.I32;
            case 0x7e -> CoreValType.I64;
            case 0x7d -> CoreValType.F32;
            case 0x7c -> CoreValType.F64;
            case 0x7b -> CoreValType.V128;
            case 0x70 -> CoreValType.FUNCREF;
            case 0x6f -> CoreValType.EXTERNREF;
            case 0x63, 0x64 -> throw r.unsupported(offset, "typed function reference type", GC);
            case 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x71, 0x72, 0x73, 0x74 ->
                    throw r.unsupported(offset, String.format("core reference type 0x%02x", b), GC);
            default -> throw r.badByte(offset, b, "core value type");
        };
    }

    /** Reads the body of a core function type after its {@code 0x60}. */
    static CoreFuncType readFuncType(BinaryReader r) {
        List<CoreValType> params = valTypes(r, "core function parameters");
        return new CoreFuncType(params, valTypes(r, "core function results"));
    }

    private static List<CoreValType> valTypes(BinaryReader r, String what) {
        int count = r.count(Limits.MAX_CORE_FUNC_VALUES, what);
        List<CoreValType> types = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            types.add(readValType(r));
        }
        return types;
    }

    static CoreExternType table(BinaryReader r) {
        int offset = r.offset();
        CoreValType element = readValType(r);
        if (!element.isReference()) {
            throw r.errorAt(offset, "table element type must be a reference type, not " + element.text());
        }
        return new CoreExternType.Table(element, limits(r));
    }

    static CoreExternType global(BinaryReader r) {
        CoreValType type = readValType(r);
        int offset = r.offset();
        int b = r.u8("global mutability");
        return switch (b) {
            case 0x00 -> new CoreExternType.Global(type, false);
            case 0x01 -> new CoreExternType.Global(type, true);
            case 0x02, 0x03 -> throw r.unsupported(offset, "shared global", "webassembly shared-everything threads");
            default -> throw r.badByte(offset, b, "global mutability");
        };
    }

    /**
     * Reads core {@code limits}. Flag bits: 0x01 a maximum follows, 0x02 shared (threads), 0x04
     * 64-bit addresses (memory64, table64, whose bounds are {@code u64}), 0x08 a custom page size.
     */
    static CoreLimits limits(BinaryReader r) {
        int offset = r.offset();
        int flags = r.u8("limits");
        if ((flags & 0x08) != 0 && flags < 0x10) {
            throw r.unsupported(offset, "custom page size", "webassembly custom-page-sizes");
        }
        if (flags > 0x07) {
            throw r.badByte(offset, flags, "limits");
        }
        boolean address64 = (flags & 0x04) != 0;
        long min = address64 ? r.u64("limits minimum") : r.u32("limits minimum");
        OptionalLong max = (flags & 0x01) == 0 ? OptionalLong.empty()
                : OptionalLong.of(address64 ? r.u64("limits maximum") : r.u32("limits maximum"));
        return new CoreLimits(min, max, (flags & 0x02) != 0, address64);
    }
}
