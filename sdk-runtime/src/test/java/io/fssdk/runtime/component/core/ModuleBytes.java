package io.fssdk.runtime.component.core;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds small core modules byte by byte, for cases the text format cannot express. */
final class ModuleBytes {
    static final int TYPE = 1;
    static final int IMPORT = 2;
    static final int FUNCTION = 3;
    static final int MEMORY = 5;
    static final int EXPORT = 7;
    static final int CODE = 10;
    static final int I32 = 0x7f;
    static final int FUNCREF = 0x70;

    private ModuleBytes() {
    }

    /** The preamble followed by {@code sections}. */
    static byte[] module(byte[]... sections) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00});
        for (byte[] s : sections) {
            out.writeBytes(s);
        }
        return out.toByteArray();
    }

    /** A section: id, size, payload. */
    static byte[] section(int id, byte[] payload) {
        return concat(bytes(id), u32(payload.length), payload);
    }

    /** A vector: count, then the items. */
    static byte[] vec(byte[]... items) {
        return concat(u32(items.length), concat(items));
    }

    /** A function type {@code 0x60 vec(params) vec(results)}, value types given as bytes. */
    static byte[] func(int[] params, int... results) {
        return concat(bytes(0x60), u32(params.length), bytes(params), u32(results.length), bytes(results));
    }

    /** A function body: size, no locals, then {@code code} (which should end with 0x0b). */
    static byte[] body(int... code) {
        byte[] payload = concat(bytes(0x00), bytes(code));
        return concat(u32(payload.length), payload);
    }

    /** A custom section named {@code name}. */
    static byte[] custom(String name, int... payload) {
        return section(0, concat(u32(name.length()), name.getBytes(StandardCharsets.UTF_8),
                bytes(payload)));
    }

    static byte[] u32(int value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int v = value;
        do {
            int b = v & 0x7f;
            v >>>= 7;
            out.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return out.toByteArray();
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static int[] params(int... types) {
        return types;
    }
}
