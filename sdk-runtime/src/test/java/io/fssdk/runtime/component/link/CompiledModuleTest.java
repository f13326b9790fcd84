package io.fssdk.runtime.component.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import io.fssdk.runtime.component.ExecutionMode;
import io.fssdk.runtime.component.InvalidException;
import io.fssdk.runtime.component.LinkException;
import io.fssdk.runtime.component.MalformedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One core module through the code-generation seam: parse errors, memory caps, and both generators. */
class CompiledModuleTest {
    private static final byte[] HEADER = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};

    /** A module whose only content is one memory of {@code min} pages, at most {@code max} (-1: none). */
    private static byte[] memoryModule(int min, int max) {
        byte[] section = max < 0 ? new byte[] {0x05, 0x03, 0x01, 0x00, (byte) min}
                : new byte[] {0x05, 0x04, 0x01, 0x01, (byte) min, (byte) max};
        byte[] out = new byte[HEADER.length + section.length];
        System.arraycopy(HEADER, 0, out, 0, HEADER.length);
        System.arraycopy(section, 0, out, HEADER.length, section.length);
        return out;
    }

    private static CompiledModule parse(byte[] bytes, ExecutionMode mode) {
        return CompiledModule.parse(bytes, 100, CoreCodegens.of(io.fssdk.runtime.component.ComponentOptions.builder().executionMode(mode).build()), null,
                "test", 3);
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void garbageIsMalformedAndNamesTheModuleAndItsOffset(ExecutionMode mode) {
        byte[] cut = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x05, 0x7f};
        MalformedException e = assertThrows(MalformedException.class, () -> parse(cut, mode));
        assertTrue(e.getMessage().contains("core module 3"), e.getMessage());
        assertEquals(100, e.offset());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aBodyOfTheWrongTypeIsInvalid(ExecutionMode mode) {
        // (func (result) i32.const 0): one value left on the stack of a function that returns nothing.
        byte[] bad = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02,
                0x01, 0x00, 0x0a, 0x06, 0x01, 0x04, 0x00, 0x41, 0x00, 0x0b};
        InvalidException e = assertThrows(InvalidException.class, () -> parse(bad, mode).code());
        assertTrue(e.getMessage().contains("core module 3"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aMemoryThatStartsAboveTheCapCannotBeInstantiated(ExecutionMode mode) {
        CompiledModule m = parse(memoryModule(5, -1), mode);
        LinkException e = assertThrows(LinkException.class, () -> m.instantiate(ImportValues.builder().build(), 4));
        assertTrue(e.getMessage().contains("needs 5 memory pages"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void theCapLimitsGrowthButNeverRaisesADeclaredMaximum(ExecutionMode mode) {
        Instance capped = parse(memoryModule(1, -1), mode).instantiate(ImportValues.builder().build(), 3);
        assertEquals(1, capped.memory().grow(2), "grows up to the cap");
        assertEquals(-1, capped.memory().grow(1), "and no further");

        Instance declared = parse(memoryModule(1, 2), mode).instantiate(ImportValues.builder().build(), 100);
        assertEquals(1, declared.memory().grow(1));
        assertEquals(-1, declared.memory().grow(1), "the module's own maximum of 2 pages holds under a larger cap");
    }

    /**
     * {@code (table 2 funcref) (func (export "grow") (result i32) (table.grow (ref.null func) (i32.const 3)))}.
     */
    private static final byte[] GROW = {
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f, 0x03, 0x02, 0x01,
        0x00, 0x04, 0x04, 0x01, 0x70, 0x00, 0x02, 0x07, 0x08, 0x01, 0x04, 'g', 'r', 'o', 'w', 0x00, 0x00, 0x0a, 0x0b,
        0x01, 0x09, 0x00, (byte) 0xd0, 0x70, 0x41, 0x03, (byte) 0xfc, 0x0f, 0x00, 0x0b,
    };

    /**
     * Chicory 1.7.5's {@code TableInstance.grow} also grows the minimum of the {@code Table} it was made from, so
     * an instance whose table came straight from the parsed module would leave the next instance of that module
     * (a guest restarted after a trap) starting with the grown table; the differential test hit this. Each
     * instance here must start at the declared size: {@link CappedTable} gives every instance a table of its own.
     */
    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aRestartedInstanceStartsWithTheDeclaredTableSize(ExecutionMode mode) {
        CompiledModule m = parse(GROW, mode);
        Instance first = m.instantiate(ImportValues.builder().build(), 10);
        assertEquals(2, first.export("grow").apply()[0], "the old size");
        assertEquals(5, first.table(0).size());

        Instance second = m.instantiate(ImportValues.builder().build(), 10);
        assertEquals(2, second.table(0).size(), "the declared size, not the first instance's");
        assertEquals(2, second.export("grow").apply()[0]);
        assertEquals(2, m.module().tableSection().getTable(0).limits().min(), "the parsed module is untouched");
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void codeIsPreparedOnceAndShared(ExecutionMode mode) {
        CompiledModule m = parse(memoryModule(1, -1), mode);
        assertTrue(m.code() == m.code(), "one Code per module");
        assertTrue(m.definesMemory());
    }
}
