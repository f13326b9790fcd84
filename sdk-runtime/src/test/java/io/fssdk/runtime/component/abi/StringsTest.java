package io.fssdk.runtime.component.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.runtime.component.TrapException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Strings in utf8, utf16 and latin1+utf16: encodings, realloc sequences, and malformed guest input. */
class StringsTest {
    private static final int TAG = 1 << 31;

    /** (text, encoding, expected realloc calls, tagged length, bytes); the fixture's first block is at 16. */
    static Stream<Arguments> lowering() {
        String ascii = "hello";
        String latin1 = "h\u00e9llo";
        String wide = "h\u00e9\u65e5";
        String astral = "a\ud83d\ude00";
        return Stream.of(
                Arguments.of(ascii, StringEncoding.UTF8, List.of("0,0,1,5"), 5, ascii.getBytes(StandardCharsets.UTF_8)),
                Arguments.of(latin1, StringEncoding.UTF8, List.of("0,0,1,6"), 6, latin1.getBytes(StandardCharsets.UTF_8)),
                Arguments.of(wide, StringEncoding.UTF8, List.of("0,0,1,6"), 6, wide.getBytes(StandardCharsets.UTF_8)),
                Arguments.of(astral, StringEncoding.UTF8, List.of("0,0,1,5"), 5, astral.getBytes(StandardCharsets.UTF_8)),
                Arguments.of("", StringEncoding.UTF8, List.of("0,0,1,0"), 0, new byte[0]),
                Arguments.of(latin1, StringEncoding.UTF16, List.of("0,0,2,10"), 5, latin1.getBytes(StandardCharsets.UTF_16LE)),
                Arguments.of(astral, StringEncoding.UTF16, List.of("0,0,2,6"), 3, astral.getBytes(StandardCharsets.UTF_16LE)),
                // Latin-1 fast path: one allocation of one byte per code unit, untagged.
                Arguments.of(latin1, StringEncoding.LATIN1_UTF16, List.of("0,0,2,5"), 5,
                        latin1.getBytes(StandardCharsets.ISO_8859_1)),
                // UTF-16 fallback: allocate for Latin-1, then grow to the UTF-16 worst case and tag.
                Arguments.of(wide, StringEncoding.LATIN1_UTF16, List.of("0,0,2,3", "16,3,2,6"), 3 | TAG,
                        wide.getBytes(StandardCharsets.UTF_16LE)),
                Arguments.of(astral, StringEncoding.LATIN1_UTF16, List.of("0,0,2,3", "16,3,2,6"), 3 | TAG,
                        astral.getBytes(StandardCharsets.UTF_16LE)));
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("lowering")
    void lowersWithTheSpecsReallocSequence(String text, StringEncoding encoding, List<String> calls, int taggedLength,
            byte[] bytes) {
        AbiFixture f = new AbiFixture(encoding);
        long packed = Strings.lower(f.options, text);
        assertEquals(calls, f.allocator.calls);
        assertEquals(taggedLength, Strings.length(packed));
        assertArrayEquals(bytes, f.memory.readBytes(Strings.ptr(packed), bytes.length));
        assertEquals(text, Strings.lift(f.options, Strings.ptr(packed), Strings.length(packed)));
    }

    @Test
    void latin1PrefixIsCopiedBeforeGrowing() {
        // Realloc sees (and a real one copies) the Latin-1 prefix written before the first wide code unit.
        AbiFixture f = new AbiFixture(StringEncoding.LATIN1_UTF16);
        long packed = Strings.lower(f.options, "ab\u0100");
        assertEquals(List.of("16,3,2,6"), f.allocator.calls.subList(1, 2));
        assertArrayEquals(new byte[] {'a', 'b'}, f.memory.readBytes(16, 2));
        assertArrayEquals("ab\u0100".getBytes(StandardCharsets.UTF_16LE), f.memory.readBytes(Strings.ptr(packed), 6));
    }

    @Test
    void latin1Utf16LiftsBothForms() {
        AbiFixture f = new AbiFixture(StringEncoding.LATIN1_UTF16);
        f.memory.writeBytes(32, new byte[] {'o', (byte) 0xE9});
        assertEquals("o\u00e9", Strings.lift(f.options, 32, 2));
        f.memory.writeBytes(64, "\u65e5x".getBytes(StandardCharsets.UTF_16LE));
        assertEquals("\u65e5x", Strings.lift(f.options, 64, 2 | TAG));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUtf8")
    void invalidUtf8Traps(String name, byte[] bytes) {
        AbiFixture f = new AbiFixture(StringEncoding.UTF8);
        f.memory.writeBytes(100, bytes);
        TrapException e = assertThrows(TrapException.class, () -> Strings.lift(f.options, 100, bytes.length));
        assertTrue(e.reason().contains("invalid utf-8"), e.reason());
    }

    static Stream<Arguments> invalidUtf8() {
        return Stream.of(
                Arguments.of("lone continuation", new byte[] {(byte) 0x80}),
                Arguments.of("0xff", new byte[] {'a', (byte) 0xFF}),
                Arguments.of("overlong nul", new byte[] {(byte) 0xC0, (byte) 0x80}),
                Arguments.of("encoded surrogate", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}),
                Arguments.of("beyond U+10FFFF", new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}),
                Arguments.of("truncated", new byte[] {(byte) 0xE6, (byte) 0x97}));
    }

    @Test
    void genuineReplacementCharacterIsAccepted() {
        AbiFixture f = new AbiFixture(StringEncoding.UTF8);
        byte[] bytes = "x\uFFFDy".getBytes(StandardCharsets.UTF_8);
        f.memory.writeBytes(100, bytes);
        assertEquals("x\uFFFDy", Strings.lift(f.options, 100, bytes.length));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {0xD800, 0xDC00, 0xDBFF})
    void loneSurrogateInUtf16Traps(int surrogate) {
        for (StringEncoding encoding : List.of(StringEncoding.UTF16, StringEncoding.LATIN1_UTF16)) {
            AbiFixture f = new AbiFixture(encoding);
            f.memory.write16(100, (short) 'a');
            f.memory.write16(102, (short) surrogate);
            int length = encoding == StringEncoding.UTF16 ? 2 : 2 | TAG;
            TrapException e = assertThrows(TrapException.class, () -> Strings.lift(f.options, 100, length));
            assertTrue(e.reason().contains("lone surrogate"), e.reason());
        }
    }

    @Test
    void reversedSurrogatePairTraps() {
        AbiFixture f = new AbiFixture(StringEncoding.UTF16);
        f.memory.write16(100, (short) 0xDC00);
        f.memory.write16(102, (short) 0xD800);
        assertThrows(TrapException.class, () -> Strings.lift(f.options, 100, 2));
    }

    @Test
    void utf16NeedsAnEvenPointer() {
        for (StringEncoding encoding : List.of(StringEncoding.UTF16, StringEncoding.LATIN1_UTF16)) {
            AbiFixture f = new AbiFixture(encoding);
            TrapException e = assertThrows(TrapException.class, () -> Strings.lift(f.options, 101, 1));
            assertTrue(e.reason().contains("misaligned string pointer 101"), e.reason());
        }
        assertEquals("", Strings.lift(new AbiFixture(StringEncoding.UTF8).options, 101, 0));
    }

    @Test
    void hostStringsWithLoneSurrogatesAreRejected() {
        AbiFixture f = new AbiFixture(StringEncoding.UTF8);
        assertThrows(IllegalArgumentException.class, () -> FastAbi.allocString(f.options, "a\ud800b"));
        assertThrows(IllegalArgumentException.class, () -> FastAbi.allocString(f.options, "a\udc00"));
        assertEquals(List.of(), f.allocator.calls);
    }
}
