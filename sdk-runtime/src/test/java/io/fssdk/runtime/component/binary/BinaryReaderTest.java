package io.fssdk.runtime.component.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.runtime.component.MalformedException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BinaryReaderTest {

    private static BinaryReader reader(int... bytes) {
        byte[] b = Bin.of(bytes).bytes();
        return new BinaryReader(b, 0, b.length);
    }

    static Stream<Arguments> goodU32() {
        return Stream.of(
                Arguments.of(new int[] {0x00}, 0L),
                Arguments.of(new int[] {0x7f}, 127L),
                Arguments.of(new int[] {0x80, 0x01}, 128L),
                Arguments.of(new int[] {0xe5, 0x8e, 0x26}, 624485L),
                // Non-minimal encodings are allowed up to 5 bytes.
                Arguments.of(new int[] {0x80, 0x80, 0x80, 0x80, 0x00}, 0L),
                Arguments.of(new int[] {0xff, 0xff, 0xff, 0xff, 0x0f}, 0xffff_ffffL));
    }

    @ParameterizedTest
    @MethodSource("goodU32")
    void decodesU32(int[] bytes, long expected) {
        BinaryReader r = reader(bytes);
        assertEquals(expected, r.u32("x"));
        assertTrue(r.atEnd());
    }

    static Stream<Arguments> badU32() {
        return Stream.of(
                Arguments.of(new int[] {}, "unexpected end", 0),
                Arguments.of(new int[] {0x80}, "unexpected end", 1),
                Arguments.of(new int[] {0x80, 0x80, 0x80, 0x80, 0x80, 0x00}, "too long", 4),
                Arguments.of(new int[] {0xff, 0xff, 0xff, 0xff, 0x1f}, "too large", 4),
                Arguments.of(new int[] {0x80, 0x80, 0x80, 0x80, 0x70}, "too large", 4));
    }

    @ParameterizedTest
    @MethodSource("badU32")
    void rejectsBadU32(int[] bytes, String message, int offset) {
        MalformedException e = assertThrows(MalformedException.class, () -> reader(bytes).u32("x"));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertEquals(offset, e.offset());
    }

    static Stream<Arguments> goodS33() {
        return Stream.of(
                Arguments.of(new int[] {0x00}, 0L),
                Arguments.of(new int[] {0x3f}, 63L),
                Arguments.of(new int[] {0x40}, -64L),
                Arguments.of(new int[] {0x7f}, -1L),
                Arguments.of(new int[] {0xc0, 0x00}, 64L),
                Arguments.of(new int[] {0xff, 0xff, 0xff, 0xff, 0x0f}, 0xffff_ffffL),
                Arguments.of(new int[] {0x80, 0x80, 0x80, 0x80, 0x70}, -(1L << 32)));
    }

    @ParameterizedTest
    @MethodSource("goodS33")
    void decodesS33(int[] bytes, long expected) {
        assertEquals(expected, reader(bytes).s33("x"));
    }

    @Test
    void rejectsBadS33() {
        assertThrows(MalformedException.class, () -> reader(0x80, 0x80, 0x80, 0x80, 0x20).s33("x"));
        assertThrows(MalformedException.class, () -> reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x00).s33("x"));
        assertThrows(MalformedException.class, () -> reader(0xc0).s33("x"));
    }

    @Test
    void decodesU64AndRejectsOverflow() {
        assertEquals(-1L, reader(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01).u64("x"));
        assertThrows(MalformedException.class,
                () -> reader(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02).u64("x"));
        assertThrows(MalformedException.class,
                () -> reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00).u64("x"));
    }

    @Test
    void indexRejectsValuesAboveIntMax() {
        assertEquals(Integer.MAX_VALUE, reader(0xff, 0xff, 0xff, 0xff, 0x07).index("x"));
        MalformedException e = assertThrows(MalformedException.class,
                () -> reader(0x80, 0x80, 0x80, 0x80, 0x08).index("func index"));
        assertEquals("func index 2147483648 is out of range (at offset 0)", e.getMessage());
    }

    @Test
    void countIsCheckedAgainstTheCapAndTheBytesLeft() {
        assertEquals(2, reader(0x02, 0xaa, 0xbb).count(10, "things"));
        MalformedException overCap = assertThrows(MalformedException.class,
                () -> reader(0x0b, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0).count(10, "things"));
        assertEquals("too many things: 11 (the limit is 10) (at offset 0)", overCap.getMessage());
        MalformedException overSize = assertThrows(MalformedException.class,
                () -> reader(0x05, 0x00).count(10, "things"));
        assertEquals("number of things (5) exceeds the 1 bytes left (at offset 0)", overSize.getMessage());
    }

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of(Bin.of().name("").bytes(), ""),
                Arguments.of(Bin.of().name("wasi:io/streams@0.2.0").bytes(), "wasi:io/streams@0.2.0"),
                Arguments.of(Bin.of().name("héllo ✓ 😀").bytes(), "héllo ✓ 😀"));
    }

    @ParameterizedTest
    @MethodSource("names")
    void decodesUtf8Names(byte[] bytes, String expected) {
        BinaryReader r = new BinaryReader(bytes, 0, bytes.length);
        assertEquals(expected, r.name("name"));
        assertTrue(r.atEnd());
    }

    static Stream<Arguments> badNames() {
        return Stream.of(
                Arguments.of("overlong nul", new int[] {0x02, 0xc0, 0x80}),
                Arguments.of("encoded surrogate", new int[] {0x03, 0xed, 0xa0, 0x80}),
                Arguments.of("truncated sequence", new int[] {0x02, 0xe2, 0x82}),
                Arguments.of("stray continuation", new int[] {0x01, 0x80}),
                Arguments.of("above u+10ffff", new int[] {0x04, 0xf4, 0x90, 0x80, 0x80}),
                Arguments.of("length past the end", new int[] {0x05, 0x61}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badNames")
    void rejectsMalformedNames(String why, int[] bytes) {
        assertThrows(MalformedException.class, () -> reader(bytes).name("name"));
    }

    @Test
    void nameLengthIsCapped() {
        byte[] b = Bin.of().u32(Limits.MAX_NAME_LENGTH + 1L).raw(new byte[Limits.MAX_NAME_LENGTH + 1]).bytes();
        MalformedException e = assertThrows(MalformedException.class,
                () -> new BinaryReader(b, 0, b.length).name("name"));
        assertTrue(e.getMessage().contains("exceeds the limit"), e.getMessage());
    }

    @Test
    void windowsAreBoundedAndOffsetsAbsolute() {
        BinaryReader r = reader(0x01, 0x02, 0x03, 0x04);
        r.u8("x");
        BinaryReader w = r.window(2);
        assertEquals(1, w.offset());
        assertEquals(2, w.u8("x"));
        assertEquals(3, w.u8("x"));
        MalformedException e = assertThrows(MalformedException.class, () -> w.u8("x"));
        assertEquals(3, e.offset());
        assertEquals(4, r.u8("x"));
        assertThrows(MalformedException.class, () -> r.window(1));
    }

    @Test
    void expectEndReportsTrailingBytes() {
        BinaryReader r = reader(0x01, 0x02);
        r.u8("x");
        MalformedException e = assertThrows(MalformedException.class, () -> r.expectEnd("type section"));
        assertEquals("type section has 1 unexpected trailing bytes (at offset 1)", e.getMessage());
    }
}
