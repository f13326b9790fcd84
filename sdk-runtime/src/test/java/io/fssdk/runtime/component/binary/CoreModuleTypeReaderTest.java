package io.fssdk.runtime.component.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.fail;

import io.fssdk.runtime.component.ComponentException;
import io.fssdk.runtime.component.MalformedException;
import io.fssdk.runtime.component.UnsupportedFeatureException;
import io.fssdk.runtime.testing.ComponentFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Decoding an embedded core module's type from hand-built modules: imports and exports typed from the module's
 * own index spaces (imports first, then definitions), global initializers stepped over, and nothing read past
 * the export section; and, on the real modules of the fixtures mutated where the reader looks, only typed
 * failures.
 */
class CoreModuleTypeReaderTest {
    private static final CoreLimits ONE_TO_TWO = new CoreLimits(1, OptionalLong.of(2), false, false);

    private static CoreModuleType read(Bin... sections) {
        Bin module = new Bin().raw(Bin.CORE_MODULE);
        for (Bin s : sections) {
            module.raw(s);
        }
        return CoreModuleTypeReader.read(ByteSlice.copyOf(module.bytes()));
    }

    @Test
    void importsAndExportsAreTypedFromTheModulesIndexSpaces() {
        CoreModuleType t = read(
                // (type (func (param i32)))
                Bin.vecSection(1, Bin.of(0x60, 0x01, 0x7f, 0x00)),
                // (import "env" "f" (func (type 0))) (import "env" "m" (memory 1 2))
                Bin.vecSection(2, Bin.of().name("env").name("f").u8(0x00, 0x00),
                        Bin.of().name("env").name("m").u8(0x02, 0x01, 0x01, 0x02)),
                // one defined func of type 0: func index 1
                Bin.vecSection(3, Bin.of(0x00)),
                // (global (mut i64) (i64.const -1)) (global f64 (f64.const 0)) (global i32 (i32.add (global.get 0)
                // (i32.const 8))) (global funcref (ref.null func)) (global v128 (v128.const ...))
                Bin.vecSection(6, Bin.of(0x7e, 0x01, 0x42, 0x7f, 0x0b),
                        Bin.of(0x7c, 0x00, 0x44, 0, 0, 0, 0, 0, 0, 0, 0, 0x0b),
                        Bin.of(0x7f, 0x00, 0x23, 0x00, 0x41, 0x08, 0x6a, 0x0b),
                        Bin.of(0x70, 0x00, 0xd0, 0x70, 0x0b),
                        Bin.of(0x7b, 0x00, 0xfd, 0x0c).raw(new byte[16]).u8(0x0b)),
                // (export "f" (func 1)) (export "g" (global 1)) (export "m" (memory 0)) (export "i" (func 0))
                Bin.vecSection(7, Bin.of().name("f").u8(0x00, 0x01), Bin.of().name("g").u8(0x03, 0x01),
                        Bin.of().name("m").u8(0x02, 0x00), Bin.of().name("i").u8(0x00, 0x00)),
                // A code section that is not even well-formed: the reader stops before it.
                Bin.section(10, Bin.of(0xff, 0xff, 0xff)));
        assertEquals(List.of(
                new CoreTypeDefinition(new CoreFuncType(List.of(CoreValType.I32), List.of())),
                new ModuleDecl.Import("env", "f", new CoreExternType.Func(0)),
                new ModuleDecl.Import("env", "m", new CoreExternType.Memory(ONE_TO_TWO)),
                new ModuleDecl.Export("f", new CoreExternType.Func(0)),
                new ModuleDecl.Export("g", new CoreExternType.Global(CoreValType.F64, false)),
                new ModuleDecl.Export("m", new CoreExternType.Memory(ONE_TO_TWO)),
                new ModuleDecl.Export("i", new CoreExternType.Func(0))), t.decls());
    }

    @Test
    void tablesTagsAndCustomSectionsAreRead() {
        CoreModuleType t = read(
                Bin.section(0, Bin.of().name("note").u8(0x01, 0x02)),
                Bin.vecSection(1, Bin.of(0x60, 0x00, 0x00)),
                // (table 3 funcref) (tag (type 0)): the tag section (13) sits between memories and globals.
                Bin.vecSection(4, Bin.of(0x70, 0x00, 0x03)),
                Bin.vecSection(13, Bin.of(0x00, 0x00)),
                Bin.vecSection(7, Bin.of().name("t").u8(0x01, 0x00), Bin.of().name("e").u8(0x04, 0x00)));
        assertEquals(List.of(
                new CoreTypeDefinition(new CoreFuncType(List.of(), List.of())),
                new ModuleDecl.Export("t", new CoreExternType.Table(CoreValType.FUNCREF,
                        new CoreLimits(3, OptionalLong.empty(), false, false))),
                new ModuleDecl.Export("e", new CoreExternType.Tag(0))), t.decls());
    }

    @Test
    void anExportOfAMissingItemIsMalformed() {
        MalformedException e = assertThrows(MalformedException.class,
                () -> read(Bin.vecSection(7, Bin.of().name("m").u8(0x02, 0x00))));
        assertTrue(e.getMessage().contains("core export `memory` index 0 out of range (0 defined)"), e.getMessage());
    }

    @Test
    void webAssembly3TypesAreReportedAsUnsupported() {
        // (rec (type (struct))) and a global initialized by struct.new, 0xfb 0x00.
        assertThrows(UnsupportedFeatureException.class, () -> read(Bin.vecSection(1, Bin.of(0x4e, 0x01, 0x5f, 0x00))));
        assertThrows(UnsupportedFeatureException.class,
                () -> read(Bin.vecSection(6, Bin.of(0x7f, 0x00, 0xfb, 0x00, 0x00, 0x0b))));
    }

    @Test
    void aTruncatedSectionOrPreambleIsMalformed() {
        assertThrows(MalformedException.class, () -> CoreModuleTypeReader.read(ByteSlice.copyOf(new byte[] {0, 0x61})));
        // A global whose initializer runs off the end of its section.
        assertThrows(MalformedException.class, () -> read(Bin.vecSection(6, Bin.of(0x7f, 0x00, 0x41))));
    }

    @Test
    void mutatedModulesFailCleanly() {
        // The validator runs this reader on every embedded module of untrusted components, so hostile bytes
        // must end in a ComponentException, never another exception or a hang. Mutations land in each
        // module's first bytes, where its type, import and export sections are.
        List<ByteSlice> modules = new ArrayList<>();
        for (Path p : ComponentFiles.all()) {
            byte[] bytes = ComponentFiles.read(p);
            if (p.getParent().equals(ComponentFiles.resourceDir()) && ComponentParser.isComponent(bytes)) {
                collect(ComponentParser.parse(bytes), modules);
            }
        }
        assertTrue(modules.size() > 10, "only " + modules.size() + " modules found");
        Random random = new Random(17);
        for (ByteSlice m : modules) {
            byte[] original = m.toByteArray();
            for (int i = 0; i < 200; i++) {
                byte[] mutated = original.clone();
                int window = Math.min(mutated.length, 400);
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    mutated[8 + random.nextInt(window - 8)] = (byte) random.nextInt(256);
                }
                try {
                    CoreModuleTypeReader.read(ByteSlice.copyOf(mutated));
                } catch (ComponentException expected) {
                    // A clean rejection.
                } catch (RuntimeException e) {
                    fail("mutation " + i + " of a " + original.length + "-byte module threw " + e, e);
                }
            }
        }
    }

    private static void collect(ParsedComponent c, List<ByteSlice> out) {
        for (Definition d : c.definitions()) {
            if (d instanceof CoreModule m) {
                out.add(m.bytes());
            } else if (d instanceof NestedComponent n) {
                collect(n.component(), out);
            }
        }
    }
}
