package io.fssdk.runtime.component.abi;

import static io.fssdk.runtime.component.PrimitiveType.STRING;
import static io.fssdk.runtime.component.PrimitiveType.U32;
import static io.fssdk.runtime.component.PrimitiveType.U64;
import static io.fssdk.runtime.component.PrimitiveType.U8;
import static io.fssdk.runtime.component.WitType.list;
import static io.fssdk.runtime.component.WitType.option;
import static io.fssdk.runtime.component.abi.CoreType.I32;
import static io.fssdk.runtime.component.abi.CoreType.I64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.types.ValType;
import io.fssdk.runtime.component.TrapException;
import io.fssdk.runtime.component.WitType;
import io.fssdk.runtime.component.WitType.Case;
import io.fssdk.runtime.component.WitValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Whole calls. A host-to-export call lowers params the way an import call lifts them, so lowering with
 * {@code lowerParams} and lifting with {@code liftParams} round-trips; likewise {@code lowerResults} into a
 * return pointer and {@code liftResults} from it.
 */
class CanonicalAbiTest {
    private static final WitType ERROR = WitType.variant(Case.of("not-found"), Case.of("io-error", STRING),
            Case.of("other", STRING));
    private static final WitType STORE_RESULT = new WitType.ResultType(Optional.of(option(list(U8))), Optional.of(ERROR));

    @Test
    void coreSignaturesFollowFlattenFunctype() {
        FunctionAbi echo = FunctionAbi.of(List.of(STRING), List.of(STRING));
        assertEquals(List.of(I32, I32), echo.liftCoreParams());
        assertEquals(List.of(I32), echo.liftCoreResults());
        assertEquals(List.of(I32, I32, I32), echo.lowerCoreParams());
        assertEquals(List.of(), echo.lowerCoreResults());

        FunctionAbi scalar = FunctionAbi.of(List.of(U64, U32), List.of(U64));
        assertEquals(List.of(I64, I32), scalar.liftCoreParams());
        assertEquals(List.of(I64), scalar.lowerCoreResults());
        assertFalse(scalar.paramsInMemory() || scalar.resultsInMemory());

        FunctionAbi none = FunctionAbi.of(List.of(), List.of());
        assertEquals(List.of(), none.lowerCoreParams());

        FunctionAbi sixteen = FunctionAbi.of(Collections.nCopies(16, U32), List.of());
        assertFalse(sixteen.paramsInMemory());
        FunctionAbi seventeen = FunctionAbi.of(Collections.nCopies(17, U32), List.of(U32));
        assertTrue(seventeen.paramsInMemory());
        assertEquals(List.of(I32), seventeen.liftCoreParams());
        assertEquals(List.of(I32), seventeen.lowerCoreParams());
        assertEquals(ValType.I64, CoreType.I64.valType());
    }

    @Test
    void flatParamsAndResultsRoundTrip() {
        AbiFixture f = new AbiFixture();
        FunctionAbi fn = FunctionAbi.of(List.of(STRING, list(U8), U64), List.of(U32));
        List<WitValue> args = List.of(WitValue.string("k\u00e9y"), WitValue.bytes(new byte[] {1, 2}), WitValue.u64(-1));
        long[] core = CanonicalAbi.lowerParams(fn, f.cx, args);
        assertEquals(5, core.length);
        assertEquals(args, CanonicalAbi.liftParams(fn, f.cx, core));
        long[] results = CanonicalAbi.lowerResults(fn, f.cx, List.of(WitValue.u32(-7)), core);
        assertArrayEquals(new long[] {0xFFFF_FFF9L}, results);
        assertEquals(List.of(WitValue.u32(-7)), CanonicalAbi.liftResults(fn, f.nextCall(), results));
    }

    @Test
    void moreThanSixteenFlatParamsSpillToAReallocatedTuple() {
        AbiFixture f = new AbiFixture();
        List<WitType> types = new ArrayList<>(Collections.nCopies(8, (WitType) U8));
        types.addAll(Collections.nCopies(9, (WitType) U64));
        FunctionAbi fn = FunctionAbi.of(types, List.of());
        List<WitValue> args = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            args.add(WitValue.u8(i));
        }
        for (int i = 0; i < 9; i++) {
            args.add(WitValue.u64(-i));
        }
        long[] core = CanonicalAbi.lowerParams(fn, f.cx, args);
        assertEquals(1, core.length);
        assertEquals(List.of("0,0,8,80"), f.allocator.calls);
        assertEquals(16L, core[0]);
        assertEquals(3, f.memory.read8(16 + 3));
        assertEquals(-2L, f.memory.read64(16 + 8 + 16));
        assertEquals(args, CanonicalAbi.liftParams(fn, f.cx, core));
    }

    @Test
    void spilledResultsGoThroughTheReturnPointer() {
        AbiFixture f = new AbiFixture();
        FunctionAbi fn = FunctionAbi.of(List.of(U32), List.of(STORE_RESULT));
        assertTrue(fn.resultsInMemory());
        assertEquals(List.of(I32, I32), fn.lowerCoreParams());
        int retptr = f.place(AbiType.of(STORE_RESULT));
        WitValue value = WitValue.ok(WitValue.some(WitValue.bytes(new byte[] {9, 8, 7})));
        long[] core = CanonicalAbi.lowerResults(fn, f.cx, List.of(value), new long[] {5, retptr});
        assertEquals(0, core.length);
        // The spec's layout of result<option<list<u8>>, error>: tag 0, option tag 4, ptr 8, len 12.
        assertEquals(0, f.memory.read8(retptr));
        assertEquals(1, f.memory.read8(retptr + 4));
        int ptr = f.memory.read32(retptr + 8);
        assertEquals(3, f.memory.read32(retptr + 12));
        assertArrayEquals(new byte[] {9, 8, 7}, f.memory.readBytes(ptr, 3));
        assertEquals(List.of(value), CanonicalAbi.liftResults(fn, f.nextCall(), new long[] {retptr}));
    }

    @Test
    void fastPathWritesTheSameReturnAreaAsTheGeneralPath() {
        AbiFixture general = new AbiFixture();
        AbiFixture fast = new AbiFixture();
        AbiType t = AbiType.of(STORE_RESULT);
        int a = general.place(t);
        int b = fast.place(t);
        Lowerer.store(general.cx, t, WitValue.ok(WitValue.some(WitValue.bytes(new byte[] {1, 2}))), a);
        VariantAbi result = (VariantAbi) t;
        VariantAbi opt = (VariantAbi) result.payload(0).orElseThrow();
        fast.memory.write8(b, (byte) 0);
        fast.memory.write8(b + result.payloadOffset(), (byte) 1);
        FastAbi.storeBytes(fast.options, new byte[] {1, 2}, b + result.payloadOffset() + opt.payloadOffset());
        assertArrayEquals(general.memory.readBytes(0, 256), fast.memory.readBytes(0, 256));
    }

    @Test
    void misalignedOrOutOfBoundsPointersTrapWithTheFunctionName() {
        AbiFixture f = new AbiFixture();
        FunctionAbi fn = FunctionAbi.of(Collections.nCopies(17, U32), List.of(STRING, U32));
        TrapException e = assertThrows(TrapException.class, () -> CanonicalAbi.liftParams(fn, f.cx, new long[] {18}));
        assertTrue(e.reason().contains("misaligned spilled tuple pointer 18"), e.reason());
        e = assertThrows(TrapException.class, () -> CanonicalAbi.liftResults(fn, f.cx, new long[] {AbiFixture.MEMORY_SIZE - 8}));
        assertTrue(e.reason().contains("out of bounds spilled tuple"), e.reason());
        long[] args = {16, 6};
        e = assertThrows(TrapException.class, () -> CanonicalAbi.lowerResults(fn, f.cx,
                List.of(WitValue.string("x"), WitValue.u32(1)), args));
        assertTrue(e.reason().contains("misaligned return pointer 6"), e.reason());
        FunctionAbi str = FunctionAbi.of(List.of(STRING), List.of());
        e = assertThrows(TrapException.class, () -> CanonicalAbi.liftParams(str, f.cx,
                new long[] {AbiFixture.MEMORY_SIZE, 1}));
        assertEquals(AbiFixture.FUNCTION, e.function());
        assertEquals("trap in `test-func`: " + e.reason(), e.getMessage());
    }

    @Test
    void hostValuesAreCheckedWithAPath() {
        AbiFixture f = new AbiFixture();
        FunctionAbi fn = FunctionAbi.of(List.of(U32, WitType.record(WitType.field("a", U32))), List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CanonicalAbi.lowerParams(fn,
                f.cx, List.of(WitValue.u32(1), WitValue.record(WitValue.string("x")))));
        assertEquals("param 1: field `a`: expected u32, found string", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> CanonicalAbi.lowerParams(fn, f.cx, List.of(WitValue.u32(1))));
        assertEquals("expected 2 params, found 1", e.getMessage());
        assertEquals(List.of(), f.allocator.calls);
    }

    @Test
    void resultsEndTheBorrowScope() {
        AbiFixture f = new AbiFixture();
        FunctionAbi fn = FunctionAbi.of(List.of(), List.of());
        CanonicalAbi.liftResults(fn, f.cx, new long[0]);
        assertThrows(IllegalStateException.class, f.scope::finish);
    }
}
