package io.fssdk.runtime.wasi.random;

import io.fssdk.runtime.component.WitValue;
import io.fssdk.runtime.wasi.WasiRandomSource;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Draws the values of the {@code wasi:random} interfaces from one source. */
final class RandomBytes {
    /**
     * The most bytes one call may ask for. The spec requires exactly {@code len} bytes, so a larger request
     * traps rather than exhausting the host's heap.
     */
    static final int MAX = 64 << 20;

    private RandomBytes() {
    }

    static WitValue bytes(WasiRandomSource source, long len) {
        if (len < 0 || len > MAX) {
            throw new IllegalArgumentException("random: " + Long.toUnsignedString(len) + " bytes is more than "
                    + MAX + " a call may ask for");
        }
        byte[] b = new byte[(int) len];
        source.nextBytes(b);
        return WitValue.bytes(b);
    }

    static long u64(WasiRandomSource source) {
        byte[] b = new byte[8];
        source.nextBytes(b);
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }
}
