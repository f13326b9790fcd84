package io.fssdk.runtime.component.core;

import static io.fssdk.runtime.component.core.ModuleBytes.CODE;
import static io.fssdk.runtime.component.core.ModuleBytes.FUNCREF;
import static io.fssdk.runtime.component.core.ModuleBytes.FUNCTION;
import static io.fssdk.runtime.component.core.ModuleBytes.I32;
import static io.fssdk.runtime.component.core.ModuleBytes.MEMORY;
import static io.fssdk.runtime.component.core.ModuleBytes.TYPE;
import static io.fssdk.runtime.component.core.ModuleBytes.body;
import static io.fssdk.runtime.component.core.ModuleBytes.bytes;
import static io.fssdk.runtime.component.core.ModuleBytes.custom;
import static io.fssdk.runtime.component.core.ModuleBytes.func;
import static io.fssdk.runtime.component.core.ModuleBytes.module;
import static io.fssdk.runtime.component.core.ModuleBytes.params;
import static io.fssdk.runtime.component.core.ModuleBytes.section;
import static io.fssdk.runtime.component.core.ModuleBytes.u32;
import static io.fssdk.runtime.component.core.ModuleBytes.vec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link TypeUnifier#unify(List)} returns: the union's order, deduplication, and when nothing changes. */
class TypeUnifierTest {
    /** (i32) -> i32, () -> (), and (i32) -> i32 again; its one function uses the duplicate. */
    private static final byte[] WITH_DUPLICATE = module(
            section(TYPE, vec(func(params(I32), I32), func(params()), func(params(I32), I32))),
            section(FUNCTION, vec(u32(2))),
            section(CODE, vec(body(0x20, 0x00, 0x0b))));
    /** () -> () only. */
    private static final byte[] UNIT = module(
            section(TYPE, vec(func(params()))),
            section(FUNCTION, vec(u32(0))),
            section(CODE, vec(body(0x0b))));

    @Test
    void unionListsDistinctTypesInOrderOfFirstAppearance() {
        List<byte[]> out = TypeUnifier.unify(List.of(UNIT, WITH_DUPLICATE));
        FunctionType unit = FunctionType.of(List.of(), List.of());
        FunctionType unary = FunctionType.of(List.of(ValType.I32), List.of(ValType.I32));
        for (byte[] m : out) {
            assertEquals(List.of(unit, unary), types(Parser.parse(m)));
        }
        // Its types are the union's first ones, so only its type section changes.
        assertArrayEquals(module(section(TYPE, vec(func(params()), func(params(I32), I32))),
                section(FUNCTION, vec(u32(0))), section(CODE, vec(body(0x0b)))), out.get(0));
        assertEquals(1, Parser.parse(out.get(1)).functionSection().getFunctionType(0), "the duplicate, merged");
    }

    @Test
    void duplicatesWithinAModuleMerge() {
        List<byte[]> out = TypeUnifier.unify(List.of(WITH_DUPLICATE, UNIT));
        WasmModule m = Parser.parse(out.get(0));
        assertEquals(2, m.typeSection().typeCount());
        assertEquals(0, m.functionSection().getFunctionType(0));
        assertEquals(1, Parser.parse(out.get(1)).functionSection().getFunctionType(0));
    }

    @Test
    void identicalTypeSectionsLeaveEveryModuleAlone() {
        List<byte[]> in = List.of(WITH_DUPLICATE, WITH_DUPLICATE.clone());
        List<byte[]> out = TypeUnifier.unify(in);
        assertSame(in.get(0), out.get(0), "duplicates are kept when every module has them");
        assertSame(in.get(1), out.get(1));
        assertEquals(List.of(), TypeUnifier.unify(List.of()));
        assertSame(UNIT, TypeUnifier.unify(List.of(UNIT)).get(0));
    }

    @Test
    void aModuleWithoutTypesGetsTheUnion() {
        byte[] memoryOnly = module(custom("first"), section(MEMORY, vec(bytes(0x00, 0x01))), custom("last"));
        byte[] customOnly = module(custom("only", 1, 2, 3));
        List<byte[]> out = TypeUnifier.unify(List.of(WITH_DUPLICATE, memoryOnly, customOnly));
        assertEquals(2, Parser.parse(out.get(1)).typeSection().typeCount());
        assertEquals(1, Parser.parse(out.get(1)).memorySection().orElseThrow().memoryCount());
        assertEquals(2, Parser.parse(out.get(2)).typeSection().typeCount());
        // The type section goes after the leading custom section, before the memory section.
        byte[] expected = module(custom("first"),
                section(TYPE, vec(func(params(I32), I32), func(params()))),
                section(MEMORY, vec(bytes(0x00, 0x01))), custom("last"));
        assertArrayEquals(expected, out.get(1));
    }

    @Test
    void referenceShorthandsAreTheSameType() {
        byte[] shorthand = module(section(TYPE, vec(func(params(FUNCREF)))));
        byte[] spelledOut = module(section(TYPE, vec(func(params()), ModuleBytes.concat(bytes(0x60, 1, 0x63, 0x70),
                u32(0)))));
        List<byte[]> out = TypeUnifier.unify(List.of(shorthand, spelledOut));
        byte[] union = module(section(TYPE, vec(func(params(FUNCREF)), func(params()))));
        assertArrayEquals(union, out.get(0));
        assertArrayEquals(union, out.get(1), "(ref null func) is written funcref");
        assertEquals(2, Parser.parse(out.get(1)).typeSection().typeCount());
    }

    @Test
    void gcModulesLeaveEveryModuleAlone() {
        byte[] mvp = CoreFixtures.bytes("mvp.wasm");
        byte[] mvpRev = CoreFixtures.bytes("mvp.rev.wasm");
        List<byte[]> gcTypes = List.of(mvpRev, CoreFixtures.bytes("gc.wasm"), mvp);
        assertSameElements(gcTypes, TypeUnifier.unify(gcTypes));
        // Plain types, but ref.i31 (0xfb 0x1c) in a body that must be rewritten.
        List<byte[]> gcOps = List.of(mvpRev, mvp, CoreFixtures.bytes("gc-ops.wasm"));
        assertSameElements(gcOps, TypeUnifier.unify(gcOps));
    }

    @Test
    void unifyingTwiceChangesNothingMore() {
        List<byte[]> in = List.of(CoreFixtures.bytes("mvp.rev.wasm"), CoreFixtures.bytes("mvp.wasm"),
                CoreFixtures.bytes("eh.wasm"), CoreFixtures.bytes("threads.wasm"), UNIT);
        List<byte[]> copies = in.stream().map(byte[]::clone).toList();
        List<byte[]> once = TypeUnifier.unify(in);
        for (int i = 0; i < in.size(); i++) {
            assertArrayEquals(copies.get(i), in.get(i), "inputs are not modified");
        }
        assertNotSame(in.get(1), once.get(1));
        assertSameElements(once, TypeUnifier.unify(once));
    }

    @Test
    void customSectionsAreKept() {
        byte[] eh = CoreFixtures.bytes("eh.wasm");
        byte[] out = TypeUnifier.unify(List.of(CoreFixtures.bytes("eh.rev.wasm"), eh)).get(1);
        byte[] name = nameSection(eh);
        assertTrue(name.length > 0, "the fixture has a name section");
        assertArrayEquals(name, nameSection(out));
    }

    @Test
    void nullsAreRejected() {
        List<byte[]> withNull = new ArrayList<>(List.of(UNIT));
        withNull.add(null);
        assertThrows(NullPointerException.class, () -> TypeUnifier.unify(withNull));
    }

    private static List<FunctionType> types(WasmModule m) {
        return Arrays.asList(m.typeSection().types());
    }

    private static void assertSameElements(List<byte[]> expected, List<byte[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertSame(expected.get(i), actual.get(i), "module " + i);
        }
    }

    /** The complete custom section named "name" (id, size and payload), or nothing. */
    private static byte[] nameSection(byte[] module) {
        byte[] marker = {0x04, 'n', 'a', 'm', 'e'};
        int pos = 8;
        while (pos < module.length) {
            int start = pos++;
            int size = 0;
            for (int shift = 0; ; shift += 7) {
                int b = module[pos++] & 0xff;
                size |= (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    break;
                }
            }
            if (module[start] == 0 && size >= marker.length
                    && Arrays.equals(marker, Arrays.copyOfRange(module, pos, pos + marker.length))) {
                return Arrays.copyOfRange(module, start, pos + size);
            }
            pos += size;
        }
        return new byte[0];
    }
}
