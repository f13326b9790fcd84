package io.fssdk.runtime.component.validate;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A tiny assembler for hand-written component binaries, for what component text cannot express: raw
 * bytes, LEB128 integers, names and sections. A minimal copy of the decoder tests' helper, which is
 * package-private there.
 */
final class Bin {
    private static final byte[] PREAMBLE = {0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00};

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Starts with {@code bytes}. */
    static Bin of(int... bytes) {
        return new Bin().u8(bytes);
    }

    /** Appends raw bytes (each 0..255). */
    Bin u8(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    /** Appends an unsigned LEB128. */
    Bin u32(long value) {
        long v = value;
        do {
            int b = (int) (v & 0x7f);
            v >>>= 7;
            out.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return this;
    }

    /** Appends a name: UTF-8 length, then the bytes. */
    Bin name(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        u32(utf8.length);
        out.write(utf8, 0, utf8.length);
        return this;
    }

    /** Appends a plain {@code nameattributes}: {@code 0x00 len name}. */
    Bin externName(String s) {
        return u8(0x00).name(s);
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /** A section holding {@code vec(items)}: id, size, count, items. */
    static Bin vecSection(int id, Bin... items) {
        Bin content = new Bin().u32(items.length);
        for (Bin item : items) {
            byte[] b = item.bytes();
            content.out.write(b, 0, b.length);
        }
        byte[] c = content.bytes();
        Bin section = Bin.of(id).u32(c.length);
        section.out.write(c, 0, c.length);
        return section;
    }

    /** A complete component: the preamble, then the sections. */
    static byte[] component(Bin... sections) {
        Bin b = new Bin();
        b.out.write(PREAMBLE, 0, PREAMBLE.length);
        for (Bin s : sections) {
            byte[] bytes = s.bytes();
            b.out.write(bytes, 0, bytes.length);
        }
        return b.bytes();
    }
}
