package io.fssdk.runtime.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mutates the instruction bytes of a core module's function bodies with a seeded RNG. Only bytes after a
 * body's local declarations change and no length changes, so the section and body framing stays intact and
 * most mutants still parse; many also validate, because swapping one numeric opcode for another of the same
 * shape or nudging an immediate keeps the types right. Chicory's validator decides which mutants we keep.
 */
final class DifferentialMutator {
    /** The code section's id in the binary format. */
    private static final int CODE_SECTION = 10;

    private DifferentialMutator() {
    }

    /** The byte ranges [start, end) of each function body's instructions, or an empty list if none. */
    static List<int[]> instructionRanges(byte[] wasm) {
        List<int[]> out = new ArrayList<>();
        int[] pos = {8};
        while (pos[0] < wasm.length) {
            int id = wasm[pos[0]++] & 0xff;
            int size = (int) leb(wasm, pos);
            int end = pos[0] + size;
            if (id == CODE_SECTION) {
                int count = (int) leb(wasm, pos);
                for (int f = 0; f < count && pos[0] < end; f++) {
                    int bodySize = (int) leb(wasm, pos);
                    int bodyEnd = pos[0] + bodySize;
                    int groups = (int) leb(wasm, pos);
                    for (int g = 0; g < groups; g++) {
                        leb(wasm, pos);
                        pos[0]++;
                    }
                    // Leave the body's final `end` alone: without it no mutant would validate.
                    if (bodyEnd - 1 > pos[0]) {
                        out.add(new int[] {pos[0], bodyEnd - 1});
                    }
                    pos[0] = bodyEnd;
                }
                return out;
            }
            pos[0] = end;
        }
        return out;
    }

    private static long leb(byte[] b, int[] pos) {
        long result = 0;
        int shift = 0;
        while (true) {
            int x = b[pos[0]++] & 0xff;
            result |= (long) (x & 0x7f) << shift;
            if ((x & 0x80) == 0) {
                return result;
            }
            shift += 7;
        }
    }

    /** A copy of {@code wasm} with 1 to 4 seeded mutations of its instructions; null if it has none. */
    static byte[] mutate(byte[] wasm, SplittableRandom rng) {
        List<int[]> ranges = instructionRanges(wasm);
        if (ranges.isEmpty()) {
            return null;
        }
        byte[] out = wasm.clone();
        int n = 1 + rng.nextInt(4);
        for (int k = 0; k < n; k++) {
            int[] r = ranges.get(rng.nextInt(ranges.size()));
            int at = r[0] + rng.nextInt(r[1] - r[0]);
            int old = out[at] & 0xff;
            int kind = rng.nextInt(10);
            if (kind < 4 && old >= 0x45 && old <= 0xc4) {
                // Numeric instructions without immediates: another one often has the same signature.
                out[at] = (byte) (0x45 + rng.nextInt(0xc4 - 0x45 + 1));
            } else if (kind < 6) {
                out[at] = (byte) (old ^ (1 << rng.nextInt(7)));
            } else if (kind < 8) {
                out[at] = (byte) INTERESTING[rng.nextInt(INTERESTING.length)];
            } else if (kind < 9) {
                int other = r[0] + rng.nextInt(r[1] - r[0]);
                out[at] = out[other];
                out[other] = (byte) old;
            } else {
                out[at] = (byte) rng.nextInt(256);
            }
        }
        return out;
    }

    /**
     * Bytes worth trying as opcodes and immediates: control flow, drop/select, local and memory access, the
     * trapping integer ops and conversions, and immediates at the edges (0, 1, 0x3f, 0x40, 0x7f).
     */
    private static final int[] INTERESTING = {
        0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11, 0x1a, 0x1b, 0x20, 0x21,
        0x22, 0x23, 0x24, 0x28, 0x29, 0x2c, 0x2d, 0x36, 0x37, 0x3a, 0x3f, 0x40, 0x41, 0x42, 0x6d, 0x6e, 0x6f,
        0x70, 0x7f, 0x7f, 0x80, 0xa8, 0xa9, 0xae, 0xb0, 0xff,
    };
}
