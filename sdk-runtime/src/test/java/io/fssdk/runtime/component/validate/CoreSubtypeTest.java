package io.fssdk.runtime.component.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fssdk.runtime.component.binary.CoreExternType;
import io.fssdk.runtime.component.binary.CoreFuncType;
import io.fssdk.runtime.component.binary.CoreLimits;
import io.fssdk.runtime.component.binary.CoreSort;
import io.fssdk.runtime.component.binary.CoreValType;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Core import matching, item by item: the rules the core instantiation fixtures exercise one at a time, here
 * as a table including the edges (equal limits, a maximum of 2<sup>64</sup>-1 compared unsigned) that component
 * text cannot reach cheaply.
 */
class CoreSubtypeTest {
    private static CoreItem memory(long min, Long max, boolean shared, boolean address64) {
        OptionalLong m = max == null ? OptionalLong.empty() : OptionalLong.of(max);
        return CoreItem.of(new CoreExternType.Memory(new CoreLimits(min, m, shared, address64)));
    }

    private static CoreItem memory(long min, Long max) {
        return memory(min, max, false, false);
    }

    private static CoreItem table(CoreValType element, long min, Long max) {
        OptionalLong m = max == null ? OptionalLong.empty() : OptionalLong.of(max);
        return CoreItem.of(new CoreExternType.Table(element, new CoreLimits(min, m, false, false)));
    }

    private static CoreItem global(CoreValType type, boolean mutable) {
        return CoreItem.of(new CoreExternType.Global(type, mutable));
    }

    private static String why(CoreItem supplied, CoreItem required) {
        return CoreSubtype.mismatch(supplied, required).orElse("ok");
    }

    @Test
    void limitsFitWhenTheSuppliedRangeLiesInsideTheRequiredOne() {
        record Case(CoreItem supplied, CoreItem required, String expected) {
        }
        List<Case> cases = List.of(
                new Case(memory(1, null), memory(1, null), "ok"),
                new Case(memory(2, 3L), memory(1, 4L), "ok"),
                new Case(memory(2, 4L), memory(2, 4L), "ok"),
                new Case(memory(2, 4L), memory(1, null), "ok"),
                new Case(memory(0, null), memory(1, null), "mismatch in memory limits: expected min 1, found min 0"),
                new Case(memory(1, null), memory(1, 2L),
                        "mismatch in memory limits: expected min 1 max 2, found min 1"),
                new Case(memory(1, 3L), memory(1, 2L),
                        "mismatch in memory limits: expected min 1 max 2, found min 1 max 3"),
                // -1 is 2^64-1 as a u64: far above the required maximum, not below it.
                new Case(memory(1, -1L, false, true), memory(1, 2L, false, true),
                        "mismatch in memory limits: expected min 1 max 2, found min 1 max 18446744073709551615"),
                new Case(memory(1, 2L, false, true), memory(1, 2L), "mismatch in index type used for memories"),
                new Case(memory(1, 2L), memory(1, 2L, true, false), "mismatch in the shared flag for memories"),
                new Case(table(CoreValType.FUNCREF, 3, 10L), table(CoreValType.FUNCREF, 2, null), "ok"),
                new Case(table(CoreValType.FUNCREF, 3, null), table(CoreValType.FUNCREF, 2, 5L),
                        "mismatch in table limits: expected min 2 max 5, found min 3"),
                new Case(table(CoreValType.EXTERNREF, 1, null), table(CoreValType.FUNCREF, 1, null),
                        "expected table element type funcref, found externref"));
        for (Case c : cases) {
            assertEquals(c.expected(), why(c.supplied(), c.required()), c.toString());
        }
    }

    @Test
    void globalsMatchOnlyWithTheSameTypeAndMutability() {
        assertEquals("ok", why(global(CoreValType.I32, true), global(CoreValType.I32, true)));
        assertEquals("global types differ in mutability: expected (mut i32), found i32",
                why(global(CoreValType.I32, false), global(CoreValType.I32, true)));
        assertEquals("global types differ in mutability: expected i32, found (mut i32)",
                why(global(CoreValType.I32, true), global(CoreValType.I32, false)));
        assertEquals("expected global type f64, found f32",
                why(global(CoreValType.F32, false), global(CoreValType.F64, false)));
        assertEquals("expected global type (mut f64), found (mut i64)",
                why(global(CoreValType.I64, true), global(CoreValType.F64, true)));
    }

    @Test
    void functionsAndTagsMatchOnlyWithEqualSignatures() {
        CoreFuncType unary = new CoreFuncType(List.of(CoreValType.I32), List.of(CoreValType.I64));
        CoreFuncType nullary = new CoreFuncType(List.of(), List.of());
        assertEquals("ok", why(CoreItem.func(unary), CoreItem.func(unary)));
        assertEquals("expected: (func (param i32) (result i64)), found: (func)",
                why(CoreItem.func(nullary), CoreItem.func(unary)));
        assertEquals("expected: (func), found: (func (param i32) (result i64))",
                why(CoreItem.tag(unary), CoreItem.tag(nullary)));
        assertEquals("expected tag, found func", why(CoreItem.func(nullary), CoreItem.tag(nullary)));
    }

    @Test
    void whatIsNotKnownIsNotCompared() {
        // An item aliased from an instance of a module this pass could not decode: only its sort is known.
        assertEquals("ok", why(CoreItem.of(CoreSort.MEMORY), memory(5, 6L)));
        assertEquals("ok", why(CoreItem.of(CoreSort.FUNC), CoreItem.func(new CoreFuncType(List.of(), List.of()))));
        assertEquals("expected memory, found table", why(CoreItem.of(CoreSort.TABLE), memory(5, 6L)));
        assertEquals(Optional.empty(),
                CoreSubtype.mismatch(global(CoreValType.I64, false), CoreItem.of(CoreSort.GLOBAL)));
    }
}
