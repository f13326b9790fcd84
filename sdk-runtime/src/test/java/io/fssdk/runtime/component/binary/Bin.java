package io.fssdk.runtime.component.binary;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A tiny assembler for hand-written component binaries in tests: raw bytes, LEB128 integers, names,
 * vectors and sections, appended in order. Public for the tests of later passes (validation), which build
 * binaries that component text cannot express.
 */
public final class Bin {
    /** The component preamble: magic, version 0x0d 0x00, layer 0x01 0x00. */
    static final byte[] PREAMBLE = {0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00};

    /** A minimal core module: magic and version 1. */
    static final byte[] CORE_MODULE = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Starts with {@code bytes}. */
    public static Bin of(int... bytes) {
        return new Bin().u8(bytes);
    }

    /** Appends raw bytes (each 0..255). */
    public Bin u8(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    /** Appends raw bytes. */
    public Bin raw(byte[] bytes) {
        out.write(bytes, 0, bytes.length);
        return this;
    }

    /** Appends another builder's bytes. */
    public Bin raw(Bin other) {
        return raw(other.bytes());
    }

    /** Appends an unsigned LEB128, minimally encoded. */
    public Bin u32(long value) {
        long v = value;
        do {
            int b = (int) (v & 0x7f);
            v >>>= 7;
            out.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return this;
    }

    /** Appends a signed LEB128, minimally encoded. */
    public Bin s33(long value) {
        long v = value;
        while (true) {
            int b = (int) (v & 0x7f);
            v >>= 7;
            boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
            out.write(done ? b : b | 0x80);
            if (done) {
                return this;
            }
        }
    }

    /** Appends a core name: UTF-8 length, then the bytes. */
    public Bin name(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        return u32(utf8.length).raw(utf8);
    }

    /** Appends a plain {@code nameattributes} ({@code 0x00 len name}). */
    public Bin externName(String s) {
        return u8(0x00).name(s);
    }

    /** Appends {@code vec(items)}: the count, then each item. */
    public Bin vec(Bin... items) {
        u32(items.length);
        for (Bin item : items) {
            raw(item);
        }
        return this;
    }

    /** The bytes so far. */
    public byte[] bytes() {
        return out.toByteArray();
    }

    /** A section: id, size, content. */
    public static Bin section(int id, Bin content) {
        byte[] c = content.bytes();
        return Bin.of(id).u32(c.length).raw(c);
    }

    /** A section holding {@code vec(items)}. */
    public static Bin vecSection(int id, Bin... items) {
        return section(id, new Bin().vec(items));
    }

    /** A complete component: the preamble, then the sections. */
    public static byte[] component(Bin... sections) {
        Bin b = new Bin().raw(PREAMBLE);
        for (Bin s : sections) {
            b.raw(s);
        }
        return b.bytes();
    }
}
