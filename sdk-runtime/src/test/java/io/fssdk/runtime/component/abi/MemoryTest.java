package io.fssdk.runtime.component.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import io.fssdk.runtime.component.TrapException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Both memories are little-endian, bounds-checked with unsigned addresses, and trap rather than throw. */
class MemoryTest {
    static Stream<GuestMemory> memories() {
        return Stream.of(new ArrayMemory(65536), new ChicoryMemory(new ByteArrayMemory(new MemoryLimits(1, 2))));
    }

    @ParameterizedTest
    @MethodSource("memories")
    void littleEndianScalars(GuestMemory m) {
        assertEquals(65536, m.byteSize());
        m.write32(0, 0x04030201);
        assertEquals(1, m.read8(0));
        assertEquals(0x0201, m.read16(0));
        m.write64(8, 0x0807060504030201L);
        assertEquals(0x04030201, m.read32(8));
        assertEquals(0x0807060504030201L, m.read64(8));
        m.writeF32(16, 1.5f);
        assertEquals(1.5f, m.readF32(16));
        m.writeF64(24, -2.25);
        assertEquals(-2.25, m.readF64(24));
        m.write16(32, (short) -2);
        assertEquals((short) -2, m.read16(32));
        m.write8(34, (byte) 7);
        assertEquals(7, m.read8(34));
        m.writeBytes(40, new byte[] {9, 8, 7, 6}, 1, 2);
        assertArrayEquals(new byte[] {8, 7}, m.readBytes(40, 2));
    }

    @ParameterizedTest
    @MethodSource("memories")
    void outOfBoundsAccessTraps(GuestMemory m) {
        int end = 65536;
        assertTrap(() -> m.read8(end));
        assertTrap(() -> m.read16(end - 1));
        assertTrap(() -> m.read32(end - 3));
        assertTrap(() -> m.read64(end - 7));
        assertTrap(() -> m.write32(-4, 0));
        assertTrap(() -> m.write64(Integer.MIN_VALUE, 0));
        assertTrap(() -> m.readBytes(end - 1, 2));
        assertTrap(() -> m.readBytes(0, -1));
        assertTrap(() -> m.writeBytes(end, new byte[1]));
        assertEquals(0, m.readBytes(end, 0).length);
        m.write64(end - 8, -1L);
        assertEquals(-1L, m.read64(end - 8));
    }

    @ParameterizedTest
    @MethodSource("memories")
    void checkRangeUsesUnsignedAddresses(GuestMemory m) {
        m.checkRange(0, 65536);
        assertTrap(() -> m.checkRange(0, 65537));
        assertTrap(() -> m.checkRange(-1, 1));
        assertTrap(() -> m.checkRange(0, -1));
    }

    @Test
    void chicoryMemorySeesGrowth() {
        ByteArrayMemory raw = new ByteArrayMemory(new MemoryLimits(1, 2));
        ChicoryMemory m = new ChicoryMemory(raw);
        assertTrap(() -> m.read8(65536));
        raw.grow(1);
        assertEquals(131072, m.byteSize());
        assertEquals(0, m.read8(65536));
    }

    private static void assertTrap(Runnable r) {
        TrapException e = assertThrows(TrapException.class, r::run);
        assertTrue(e.reason().startsWith("out of bounds memory access"), e.reason());
    }
}
