package io.fssdk.runtime.component.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.runtime.component.PrimitiveType;
import io.fssdk.runtime.component.TrapException;
import io.fssdk.runtime.component.WitType;
import io.fssdk.runtime.component.WitValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The typed fast paths agree with the general path and check the same things. */
class FastAbiTest {
    @Test
    void bytesRoundTripWithOneAllocation() {
        AbiFixture f = new AbiFixture();
        byte[] data = {1, 2, 3, (byte) 0xFF};
        long[] flat = new long[2];
        FastAbi.lowerBytes(f.options, data, new FlatCursor(flat));
        assertEquals(1, f.allocator.calls.size());
        assertArrayEquals(data, FastAbi.liftBytes(f.options, (int) flat[0], (int) flat[1]));
        assertEquals(WitValue.bytes(data), Lifter.liftFlat(f.cx, AbiType.of(WitType.list(PrimitiveType.U8)),
                new FlatCursor(flat)));
        FastAbi.storeBytes(f.options, data, 8);
        assertArrayEquals(data, FastAbi.loadBytes(f.options, 8));
    }

    @Test
    void bytesOutOfBoundsOrOverTheLimitTrap() {
        AbiFixture f = new AbiFixture();
        assertThrows(TrapException.class, () -> FastAbi.liftBytes(f.options, AbiFixture.MEMORY_SIZE - 1, 2));
        assertThrows(TrapException.class, () -> FastAbi.liftBytes(f.options, -1, 1));
        TrapException e = assertThrows(TrapException.class, () -> FastAbi.liftBytes(f.options, 0, 1 << 28));
        assertTrue(e.reason().contains("exceeds the limit"), e.reason());
        assertEquals(0, FastAbi.liftBytes(f.options, AbiFixture.MEMORY_SIZE, 0).length);
    }

    @ParameterizedTest
    @EnumSource(StringEncoding.class)
    void stringsRoundTripInEveryEncoding(StringEncoding encoding) {
        AbiFixture f = new AbiFixture(encoding);
        for (String s : new String[] {"", "ascii", "caf\u00e9", "\u65e5\u672c", "\ud83d\ude00!"}) {
            long[] flat = new long[2];
            FastAbi.lowerString(f.options, s, new FlatCursor(flat));
            assertEquals(s, FastAbi.liftString(f.options, (int) flat[0], (int) flat[1]));
            assertEquals(WitValue.string(s), Lifter.liftFlat(f.cx, AbiType.of(PrimitiveType.STRING), new FlatCursor(flat)));
            FastAbi.storeString(f.options, s, 8);
            assertEquals(s, FastAbi.loadString(f.options, 8));
        }
    }

    @Test
    void scalarHelpers() {
        assertTrue(FastAbi.liftBool(0x1_0000_0002L));
        assertFalse(FastAbi.liftBool(0x1_0000_0000L));
        assertEquals(-1, FastAbi.liftI32(0xFFFF_FFFFL));
        assertEquals(0xFFFF_FFFFL, FastAbi.lowerI32(-1));
        assertEquals(1L, FastAbi.lowerBool(true));
        assertEquals(0x1F600, FastAbi.liftChar(0x1F600));
        assertThrows(TrapException.class, () -> FastAbi.liftChar(0xD800));
        assertThrows(TrapException.class, () -> FastAbi.liftChar(0x110000));
    }

    @Test
    void namedAddsTheFunctionOnlyWhenMissing() {
        TrapException anonymous = new TrapException("", "out of bounds");
        TrapException named = CanonicalAbi.named("[method]store.get-state", anonymous);
        assertEquals("[method]store.get-state", named.function());
        assertEquals("out of bounds", named.reason());
        assertEquals(named, CanonicalAbi.named("other", named));
    }
}
