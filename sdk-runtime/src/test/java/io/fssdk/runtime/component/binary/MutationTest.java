package io.fssdk.runtime.component.binary;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.fssdk.runtime.component.ComponentException;
import io.fssdk.runtime.testing.ComponentFiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Bounded, seeded fuzzing: for the sample component and every fixture, 300 random mutations (bit
 * flips, byte overwrites, huge LEB128s, truncations, insertions, deletions). Decoding must either
 * succeed or throw a {@link ComponentException}; any other exception, an OOM or a hang fails.
 *
 * <p>Core module bytes are never decoded by this parser, so mutations land mostly in the component
 * layer around them (and in each module's first bytes, where the preamble is checked).
 */
class MutationTest {
    private static final int MUTATIONS = 300;

    @TestFactory
    Stream<DynamicTest> mutatedComponentsFailCleanly() {
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(dynamicTest("sample component", () -> fuzz("sample", SampleComponent.bytes())));
        for (var fixture : ComponentFiles.all()) {
            tests.add(dynamicTest(fixture.getFileName().toString(),
                    () -> fuzz(fixture.toString(), ComponentFiles.read(fixture))));
        }
        return tests.stream();
    }

    private static void fuzz(String name, byte[] original) {
        int[] hot = hotPositions(original);
        Random random = new Random(name.hashCode() * 31L + original.length);
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int i = 0; i < MUTATIONS; i++) {
                StringBuilder how = new StringBuilder();
                byte[] mutated = original;
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    mutated = mutate(mutated, hot, random, how);
                }
                try {
                    ComponentParser.parse(mutated);
                } catch (ComponentException expected) {
                    // A clean rejection.
                } catch (Throwable t) {
                    fail(name + ", mutation " + i + " (" + how + ") threw " + t, t);
                }
            }
        });
    }

    /** Offsets outside core module bodies, where this parser actually decodes. */
    private static int[] hotPositions(byte[] binary) {
        boolean[] cold = new boolean[binary.length];
        try {
            markModules(ComponentParser.parse(binary), cold);
        } catch (ComponentException e) {
            // A rejected fixture: everything is hot.
        }
        int[] hot = new int[binary.length];
        int count = 0;
        for (int i = 0; i < binary.length; i++) {
            if (!cold[i]) {
                hot[count++] = i;
            }
        }
        return Arrays.copyOf(hot, Math.max(count, 1));
    }

    private static void markModules(ParsedComponent c, boolean[] cold) {
        for (Definition d : c.definitions()) {
            if (d instanceof CoreModule m) {
                // Keep the first 16 bytes hot: the decoder checks the module's preamble.
                Arrays.fill(cold, m.bytes().offset() + Math.min(16, m.bytes().length()),
                        m.bytes().offset() + m.bytes().length(), true);
            } else if (d instanceof NestedComponent n) {
                markModules(n.component(), cold);
            }
        }
    }

    private static byte[] mutate(byte[] in, int[] hot, Random random, StringBuilder how) {
        if (in.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        int at = random.nextInt(10) < 9 ? Math.min(hot[random.nextInt(hot.length)], in.length - 1)
                : random.nextInt(in.length);
        byte[] out;
        switch (random.nextInt(6)) {
            case 0 -> {
                out = in.clone();
                out[at] ^= (byte) (1 << random.nextInt(8));
                how.append("flip@").append(at).append(' ');
            }
            case 1 -> {
                out = in.clone();
                int[] interesting = {0x00, 0x01, 0x7f, 0x80, 0xff, random.nextInt(256)};
                out[at] = (byte) interesting[random.nextInt(interesting.length)];
                how.append("set@").append(at).append(' ');
            }
            case 2 -> {
                out = in.clone();
                int[] huge = {0xff, 0xff, 0xff, 0xff, 0x0f};
                for (int k = 0; k < huge.length && at + k < out.length; k++) {
                    out[at + k] = (byte) huge[k];
                }
                how.append("huge-leb@").append(at).append(' ');
            }
            case 3 -> {
                out = Arrays.copyOf(in, at);
                how.append("truncate@").append(at).append(' ');
            }
            case 4 -> {
                int n = 1 + random.nextInt(8);
                out = new byte[in.length + n];
                System.arraycopy(in, 0, out, 0, at);
                for (int k = 0; k < n; k++) {
                    out[at + k] = (byte) random.nextInt(256);
                }
                System.arraycopy(in, at, out, at + n, in.length - at);
                how.append("insert").append(n).append('@').append(at).append(' ');
            }
            default -> {
                int n = Math.min(1 + random.nextInt(8), in.length - at);
                out = new byte[in.length - n];
                System.arraycopy(in, 0, out, 0, at);
                System.arraycopy(in, at + n, out, at, in.length - at - n);
                how.append("delete").append(n).append('@').append(at).append(' ');
            }
        }
        return out;
    }
}
