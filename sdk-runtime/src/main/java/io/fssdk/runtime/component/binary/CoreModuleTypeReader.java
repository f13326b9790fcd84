package io.fssdk.runtime.component.binary;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the type of an embedded core module: the {@link CoreModuleType} that a module-typed import of the same
 * module would declare, so that validation can match embedded modules exactly as it matches imported ones
 * (Explainer.md, Type Checking: core instantiation and module subtyping).
 *
 * <p>Only the sections that make up a module's type are read: types, imports, functions, tables, memories, tags,
 * globals (whose initializers are skipped) and exports. Core WebAssembly fixes the order of the sections, so the
 * reader stops at the first section that may follow the exports and never touches code or data, which keeps this
 * cheap for multi-megabyte modules. The result lists every function type, then every import, then every export,
 * each export typed from the module's own index spaces.
 *
 * <p>A module using WebAssembly 3.0 types (GC types, typed references, table initializers) is reported as an
 * {@link io.fssdk.runtime.component.UnsupportedFeatureException}; the caller decides whether that matters.
 */
public final class CoreModuleTypeReader {
    private static final int CUSTOM = 0;
    private static final int TYPE = 1;
    private static final int IMPORT = 2;
    private static final int FUNCTION = 3;
    private static final int TABLE = 4;
    private static final int MEMORY = 5;
    private static final int GLOBAL = 6;
    private static final int EXPORT = 7;
    private static final int TAG = 13;
    /** wasmtime's caps on one module, far above any compiler's output. */
    private static final int MAX_TYPES = 1_000_000;
    private static final int MAX_FUNCTIONS = 1_000_000;
    private static final int MAX_IMPORTS_EXPORTS = 100_000;
    private static final int MAX_TABLES_MEMORIES = 100;
    private static final int MAX_GLOBALS_TAGS = 1_000_000;
    private static final String GC = "webassembly 3.0 gc";
    private static final int[] PREAMBLE = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};

    /** The module's index spaces, as far as exports need them. */
    private final List<Integer> funcs = new ArrayList<>();
    private final List<CoreExternType> tables = new ArrayList<>();
    private final List<CoreExternType> memories = new ArrayList<>();
    private final List<CoreExternType> globals = new ArrayList<>();
    private final List<Integer> tags = new ArrayList<>();
    private final List<ModuleDecl> decls = new ArrayList<>();

    private CoreModuleTypeReader() {
    }

    /**
     * The type of the core module {@code module}.
     *
     * @param module a complete core module binary, preamble included
     * @return its imports and exports as a core module type
     * @throws io.fssdk.runtime.component.MalformedException when the sections read are not well-formed
     * @throws io.fssdk.runtime.component.UnsupportedFeatureException when they use WebAssembly 3.0 types
     */
    public static CoreModuleType read(ByteSlice module) {
        CoreModuleTypeReader m = new CoreModuleTypeReader();
        m.module(module.reader());
        return new CoreModuleType(m.decls);
    }

    private void module(BinaryReader r) {
        int start = r.offset();
        for (int b : PREAMBLE) {
            if (r.u8("core module preamble") != b) {
                throw r.errorAt(start, "core module does not start with the preamble \\0asm version 1");
            }
        }
        while (!r.atEnd()) {
            int id = r.u8("section id");
            BinaryReader s = r.window(r.length(Limits.MAX_CORE_MODULE_SIZE, "core section"));
            if (id > EXPORT && id != TAG) {
                // Start, elements, data count, code and data all follow the exports.
                return;
            }
            switch (id) {
                case CUSTOM -> {
                }
                case TYPE -> types(s);
                case IMPORT -> imports(s);
                case FUNCTION -> each(s, MAX_FUNCTIONS, "functions", () -> funcs.add(s.index("core type index")));
                case TABLE -> each(s, MAX_TABLES_MEMORIES, "tables", () -> tables.add(table(s)));
                case MEMORY -> each(s, MAX_TABLES_MEMORIES, "memories",
                        () -> memories.add(new CoreExternType.Memory(CoreExternTypeReader.limits(s))));
                case TAG -> each(s, MAX_GLOBALS_TAGS, "tags", () -> tags.add(tag(s)));
                case GLOBAL -> each(s, MAX_GLOBALS_TAGS, "globals", () -> {
                    globals.add(CoreExternTypeReader.global(s));
                    ConstExprSkipper.skip(s);
                });
                case EXPORT -> exports(s);
                default -> throw new IllegalStateException("section " + id + " is filtered above");
            }
            if (id != CUSTOM) {
                s.expectEnd("core section " + id);
            }
        }
    }

    private static void each(BinaryReader s, int cap, String what, Runnable one) {
        int count = s.count(cap, "core " + what);
        for (int i = 0; i < count; i++) {
            one.run();
        }
    }

    private void types(BinaryReader s) {
        each(s, MAX_TYPES, "types", () -> {
            int at = s.offset();
            int form = s.u8("core type form");
            if (form == 0x60) {
                decls.add(new CoreTypeDefinition(CoreExternTypeReader.readFuncType(s)));
            } else if (form == 0x4e || form == 0x4f || form == 0x50 || form == 0x5e || form == 0x5f) {
                throw s.unsupported(at, String.format("core type form 0x%02x", form), GC);
            } else {
                throw s.badByte(at, form, "core type form");
            }
        });
    }

    private void imports(BinaryReader s) {
        each(s, MAX_IMPORTS_EXPORTS, "imports", () -> {
            String module = s.name("core import module name");
            String name = s.name("core import name");
            CoreExternType type = CoreExternTypeReader.read(s);
            if (type instanceof CoreExternType.Func f) {
                funcs.add(f.typeIndex());
            } else if (type instanceof CoreExternType.Table) {
                tables.add(type);
            } else if (type instanceof CoreExternType.Memory) {
                memories.add(type);
            } else if (type instanceof CoreExternType.Global) {
                globals.add(type);
            } else {
                tags.add(((CoreExternType.Tag) type).typeIndex());
            }
            decls.add(new ModuleDecl.Import(module, name, type));
        });
    }

    private static CoreExternType table(BinaryReader s) {
        int at = s.offset();
        if (s.peekU8("core table type") == 0x40) {
            // 0x40 0x00 tabletype expr: a table with an initializer, from the function-references proposal.
            throw s.unsupported(at, "core table with an initializer", GC);
        }
        return CoreExternTypeReader.table(s);
    }

    private static int tag(BinaryReader s) {
        int at = s.offset();
        int attribute = s.u8("tag attribute");
        if (attribute != 0x00) {
            throw s.badByte(at, attribute, "tag attribute (must be 0x00)");
        }
        return s.index("core type index");
    }

    private void exports(BinaryReader s) {
        each(s, MAX_IMPORTS_EXPORTS, "exports", () -> {
            String name = s.name("core export name");
            int at = s.offset();
            int kind = s.u8("core export kind");
            int index = s.index("core export index");
            CoreExternType type = switch (kind) {
                case 0x00 -> new CoreExternType.Func(item(funcs, index, "function", at, s));
                case 0x01 -> item(tables, index, "table", at, s);
                case 0x02 -> item(memories, index, "memory", at, s);
                case 0x03 -> item(globals, index, "global", at, s);
                case 0x04 -> new CoreExternType.Tag(item(tags, index, "tag", at, s));
                default -> throw s.badByte(at, kind, "core export kind");
            };
            decls.add(new ModuleDecl.Export(name, type));
        });
    }

    private static <T> T item(List<T> space, int index, String what, int at, BinaryReader s) {
        if (index >= space.size()) {
            throw s.errorAt(at, "core export `" + what + "` index " + index + " out of range (" + space.size()
                    + " defined): unknown " + what);
        }
        return space.get(index);
    }
}
