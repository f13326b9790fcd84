package io.fssdk.runtime.component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One seeded mutation of a binary, for {@link ComponentMutationTest}.
 *
 * <ul>
 *   <li>{@code TRUNCATE}: cut at a random length.</li>
 *   <li>{@code FLIP}: XOR 1–4 bytes with random masks.</li>
 *   <li>{@code INSERT}: insert 1–4 random bytes.</li>
 *   <li>{@code CONSTANT}: give an {@code i32.const} in a core module another value of the same encoded
 *       length (0, -1, a sign or page boundary, or random). The module most often stays valid, so the guest
 *       runs and hands the canonical ABI pointers, lengths and discriminants it never meant to.</li>
 * </ul>
 *
 * <p>Random byte mutations almost always make a core module fail to parse, so half of their positions
 * are drawn outside the top-level core modules: the component sections are hit as often as core code.
 * {@code toString()} names the seed, which is all a reproduction needs:
 * {@code BinaryMutation.of(bytes, seed).apply(bytes)}.
 *
 * @param seed the seed everything is drawn from
 * @param kind what the mutation does
 * @param positions the byte positions touched (for a truncation, the new length; for a constant, where
 *     its encoding starts)
 * @param values the XOR masks of flips, the inserted bytes, or a constant's new encoding
 */
record BinaryMutation(long seed, Kind kind, int[] positions, byte[] values) {
    /** The mutation operators. */
    enum Kind { TRUNCATE, FLIP, INSERT, CONSTANT }

    private static final int I32_CONST = 0x41;
    private static final int CORE_MODULE_SECTION = 1;
    private static final int[] INTERESTING = {0, -1, 1, 4, 8, -8, 0x7F, 0x80, 0xFFFF, 0x10000, 0x7FFFFFFF,
            Integer.MIN_VALUE, 0x7FFFFFF8, 0x110000, 0xD800};

    /** Draws a mutation of {@code original} from {@code seed}. */
    static BinaryMutation of(byte[] original, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Sections s = Sections.of(original);
        Kind kind = Kind.values()[r.nextInt(Kind.values().length)];
        if (kind == Kind.CONSTANT) {
            List<Integer> consts = constants(original, s.coreModules);
            if (!consts.isEmpty()) {
                int at = consts.get(r.nextInt(consts.size()));
                int value = r.nextBoolean() ? INTERESTING[r.nextInt(INTERESTING.length)] : r.nextInt();
                return new BinaryMutation(seed, kind, new int[] {at}, sleb(value, lebLength(original, at)));
            }
            kind = Kind.FLIP;
        }
        int count = kind == Kind.TRUNCATE ? 1 : 1 + r.nextInt(4);
        int[] positions = new int[count];
        byte[] values = new byte[count];
        for (int k = 0; k < count; k++) {
            boolean structural = !s.component.isEmpty() && r.nextBoolean();
            positions[k] = structural ? draw(r, s.component) : r.nextInt(original.length);
            values[k] = (byte) (kind == Kind.FLIP ? 1 + r.nextInt(255) : r.nextInt(256));
        }
        if (kind == Kind.INSERT) {
            Arrays.sort(positions);
        }
        return new BinaryMutation(seed, kind, positions, values);
    }

    /** The mutated copy of {@code original}. */
    byte[] apply(byte[] original) {
        return switch (kind) {
            case TRUNCATE -> Arrays.copyOf(original, positions[0]);
            case FLIP -> {
                byte[] out = original.clone();
                for (int k = 0; k < positions.length; k++) {
                    out[positions[k]] ^= values[k];
                }
                yield out;
            }
            case INSERT -> {
                byte[] out = new byte[original.length + positions.length];
                int from = 0;
                int to = 0;
                for (int k = 0; k < positions.length; k++) {
                    int n = positions[k] - from;
                    System.arraycopy(original, from, out, to, n);
                    to += n;
                    from = positions[k];
                    out[to++] = values[k];
                }
                System.arraycopy(original, from, out, to, original.length - from);
                yield out;
            }
            case CONSTANT -> {
                byte[] out = original.clone();
                System.arraycopy(values, 0, out, positions[0], values.length);
                yield out;
            }
        };
    }

    private static int draw(SplittableRandom r, List<int[]> ranges) {
        int[] range = ranges.get(r.nextInt(ranges.size()));
        return range[0] + r.nextInt(range[1] - range[0]);
    }

    /**
     * The starts of the immediates of what look like {@code i32.const} instructions in the core modules. A
     * byte 0x41 inside another immediate is found too; rewriting it is just another random mutation.
     */
    private static List<Integer> constants(byte[] b, List<int[]> ranges) {
        List<Integer> out = new ArrayList<>();
        for (int[] range : ranges) {
            for (int p = range[0]; p < range[1] - 1; p++) {
                if ((b[p] & 0xFF) == I32_CONST && lebLength(b, p + 1) > 0) {
                    out.add(p + 1);
                }
            }
        }
        return out;
    }

    /** The length of the LEB128 at {@code p}, or 0 when it runs past 5 bytes or the end. */
    private static int lebLength(byte[] b, int p) {
        for (int n = 1; n <= 5 && p + n <= b.length; n++) {
            if ((b[p + n - 1] & 0x80) == 0) {
                return n;
            }
        }
        return 0;
    }

    /** {@code value} as a signed LEB128 of exactly {@code length} bytes, truncated to what fits. */
    private static byte[] sleb(int value, int length) {
        long v = length == 5 ? value : (long) value << (64 - 7 * length) >> (64 - 7 * length);
        byte[] out = new byte[length];
        for (int k = 0; k < length; k++) {
            out[k] = (byte) ((v & 0x7F) | (k < length - 1 ? 0x80 : 0));
            v >>= 7;
        }
        return out;
    }

    /**
     * Where the top-level core modules are (section id 1) and the rest: the preamble, every other section,
     * and the core module section headers. A reader of section headers only.
     */
    private record Sections(List<int[]> component, List<int[]> coreModules) {
        static Sections of(byte[] b) {
            List<int[]> component = new ArrayList<>();
            List<int[]> core = new ArrayList<>();
            component.add(new int[] {0, Math.min(8, b.length)});
            int p = 8;
            while (p < b.length) {
                int start = p;
                int id = b[p++] & 0xFF;
                long size = 0;
                for (int shift = 0; p < b.length && shift < 35; shift += 7) {
                    int x = b[p++] & 0xFF;
                    size |= (long) (x & 0x7F) << shift;
                    if ((x & 0x80) == 0) {
                        break;
                    }
                }
                int end = (int) Math.min(b.length, p + size);
                if (id == CORE_MODULE_SECTION) {
                    component.add(new int[] {start, p});
                    if (end > p) {
                        core.add(new int[] {p, end});
                    }
                } else {
                    component.add(new int[] {start, Math.max(end, p)});
                }
                p = end;
            }
            return new Sections(component, core);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("seed " + seed + " " + kind.name().toLowerCase(Locale.ROOT));
        if (kind == Kind.TRUNCATE) {
            return sb.append(" to ").append(positions[0]).append(" bytes").toString();
        }
        if (kind == Kind.CONSTANT) {
            return sb.append(" at ").append(positions[0]).append(" = ").append(encoding()).toString();
        }
        for (int k = 0; k < positions.length; k++) {
            sb.append(k == 0 ? " " : ", ").append(String.format("0x%02x@%d", values[k] & 0xFF, positions[k]));
        }
        return sb.toString();
    }

    private String encoding() {
        StringBuilder sb = new StringBuilder();
        for (byte v : values) {
            sb.append(String.format("%02x", v & 0xFF));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BinaryMutation m && m.seed == seed;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(seed);
    }
}
