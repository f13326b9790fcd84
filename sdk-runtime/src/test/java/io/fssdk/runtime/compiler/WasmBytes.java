package io.fssdk.runtime.compiler;

import java.io.ByteArrayOutputStream;

/**
 * A byte buffer with the WebAssembly binary format's encodings (LEB128 integers, little-endian floats, names,
 * sections), for tests that write modules by hand or generate them.
 */
final class WasmBytes extends ByteArrayOutputStream {
    /** Raw bytes (each value's low 8 bits). */
    WasmBytes bytes(int... bs) {
        for (int b : bs) {
            write(b);
        }
        return this;
    }

    /** Unsigned LEB128 (counts, sizes, indices). */
    WasmBytes u(long v) {
        do {
            int b = (int) (v & 0x7f);
            v >>>= 7;
            write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return this;
    }

    /** Signed LEB128 (the operands of {@code i32.const} and {@code i64.const}). */
    WasmBytes s(long v) {
        while (true) {
            int b = (int) (v & 0x7f);
            v >>= 7;
            if ((v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0)) {
                write(b);
                return this;
            }
            write(b | 0x80);
        }
    }

    /** An f64's bits, little-endian. */
    WasmBytes f64(double d) {
        long bits = Double.doubleToRawLongBits(d);
        for (int i = 0; i < 8; i++) {
            write((int) (bits >>> (8 * i)) & 0xff);
        }
        return this;
    }

    /** An f32's bits, little-endian. */
    WasmBytes f32(float f) {
        int bits = Float.floatToRawIntBits(f);
        for (int i = 0; i < 4; i++) {
            write((bits >>> (8 * i)) & 0xff);
        }
        return this;
    }

    /** A name: its UTF-8 length, then its bytes. */
    WasmBytes name(String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        u(b.length);
        write(b, 0, b.length);
        return this;
    }

    /** Another buffer's bytes. */
    WasmBytes append(WasmBytes other) {
        write(other.buf, 0, other.count);
        return this;
    }

    /** A module's first 8 bytes: the magic number and version 1. */
    static WasmBytes header() {
        return new WasmBytes().bytes(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00);
    }

    /** A section: its id, its size, its content. */
    WasmBytes section(int id, WasmBytes content) {
        write(id);
        u(content.size());
        append(content);
        return this;
    }
}
