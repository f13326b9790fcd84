package io.fssdk.runtime.component.binary;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the core type section (3) and Binary.md's {@code core:type}, {@code core:moduletype} and
 * {@code core:moduledecl} (Type Definitions), which also occur inside component and instance types.
 *
 * <p>Of {@code core:deftype} only the WebAssembly 1.0/2.0 forms are decoded: a plain function type
 * ({@code 0x60}, which is what {@code wit-component} emits inside module types) and module types
 * ({@code 0x50}). Recursion groups, sub, struct and array types are rejected by name.
 */
final class CoreTypeSectionReader {
    private static final String GC = "webassembly 3.0 gc";

    private CoreTypeSectionReader() {
    }

    /** Decodes a core type section into {@code sink}. */
    static void readSection(BinaryReader section, DefinitionSink sink) {
        sink.addAll(section, "core types", r -> new CoreTypeDefinition(read(r, 0)));
    }

    /** Reads one {@code core:type}, nested {@code depth} types deep. */
    static CoreType read(BinaryReader r, int depth) {
        int offset = r.offset();
        int b = r.u8("core type");
        return switch (b) {
            case 0x60 -> CoreExternTypeReader.readFuncType(r);
            case 0x50 -> moduleType(r, offset, depth + 1);
            case 0x4e -> throw r.unsupported(offset, "core `rec` type group", GC);
            case 0x4f, 0x00 -> throw r.unsupported(offset, "core `sub` type", GC);
            case 0x5f -> throw r.unsupported(offset, "core `struct` type", GC);
            case 0x5e -> throw r.unsupported(offset, "core `array` type", GC);
            case 0x5d -> throw r.unsupported(offset, "core `cont` type", "webassembly stack switching");
            default -> throw r.badByte(offset, b, "core type");
        };
    }

    private static CoreModuleType moduleType(BinaryReader r, int offset, int depth) {
        TypeSectionReader.checkDepth(r, offset, depth);
        int count = r.count(Limits.MAX_TYPE_DECLS, "module type declarators");
        List<ModuleDecl> decls = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            decls.add(moduleDecl(r, depth));
        }
        return new CoreModuleType(decls);
    }

    private static ModuleDecl moduleDecl(BinaryReader r, int depth) {
        int offset = r.offset();
        int b = r.u8("module type declarator");
        switch (b) {
            case 0x00: {
                String module = r.name("core import module name");
                String name = r.name("core import name");
                return new ModuleDecl.Import(module, name, CoreExternTypeReader.read(r));
            }
            case 0x01:
                return new CoreTypeDefinition(read(r, depth));
            case 0x02: {
                // core:alias ::= 0x10 0x01 ct idx: the type sort, then the `outer` discriminant.
                int at = r.offset();
                int sort = r.u8("core alias sort");
                if (sort != 0x10) {
                    throw r.badByte(at, sort, "core alias sort (only type, 0x10)");
                }
                at = r.offset();
                int kind = r.u8("core alias kind");
                if (kind != 0x01) {
                    throw r.badByte(at, kind, "core alias kind (only outer, 0x01)");
                }
                int count = r.index("outer alias count");
                return new ModuleDecl.OuterTypeAlias(count, r.index("outer alias index"));
            }
            case 0x03: {
                String name = r.name("core export name");
                return new ModuleDecl.Export(name, CoreExternTypeReader.read(r));
            }
            default:
                throw r.badByte(offset, b, "module type declarator");
        }
    }
}
