package io.fssdk.runtime.component.abi;

/**
 * A position in a {@code long[]} of flat core values (the spec's {@code CoreValueIter}, for reading and
 * writing). A 32-bit value is written zero-extended and read by truncating to its low 32 bits, so a slot
 * of the joined type {@code i64} or {@code i32} carries a narrower case's value unchanged, as
 * {@code lift_flat_variant} and {@code lower_flat_variant} require.
 *
 * @see <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#flat-lifting">
 *     CanonicalABI.md: flat lifting</a>
 */
public final class FlatCursor {
    private final long[] values;
    private int pos;

    /** A cursor at the start of {@code values}. */
    public FlatCursor(long[] values) {
        this(values, 0);
    }

    /** A cursor at {@code pos} in {@code values}. */
    public FlatCursor(long[] values, int pos) {
        this.values = values;
        this.pos = pos;
    }

    /** The underlying array. */
    public long[] values() {
        return values;
    }

    /** The index of the next value. */
    public int position() {
        return pos;
    }

    /** Moves to {@code position}. */
    public void seek(int position) {
        pos = position;
    }

    /** Reads an {@code i32}. */
    public int nextI32() {
        return (int) values[pos++];
    }

    /** Reads an {@code i64}. */
    public long nextI64() {
        return values[pos++];
    }

    /** Reads an {@code f32} from its bits. */
    public float nextF32() {
        return Float.intBitsToFloat((int) values[pos++]);
    }

    /** Reads an {@code f64} from its bits. */
    public double nextF64() {
        return Double.longBitsToDouble(values[pos++]);
    }

    /** Writes an {@code i32}, zero-extended. */
    public void putI32(int v) {
        values[pos++] = Integer.toUnsignedLong(v);
    }

    /** Writes an {@code i64}. */
    public void putI64(long v) {
        values[pos++] = v;
    }

    /** Writes an {@code f32}'s bits, zero-extended. */
    public void putF32(float v) {
        values[pos++] = Integer.toUnsignedLong(Float.floatToRawIntBits(v));
    }

    /** Writes an {@code f64}'s bits. */
    public void putF64(double v) {
        values[pos++] = Double.doubleToRawLongBits(v);
    }
}
