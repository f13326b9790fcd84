package io.fssdk.runtime.component;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A bounded, seeded mutation test of the public API: every fixture binary (qjs.wasm excepted, for time),
 * and the C example guests when they are present, is truncated, bit-flipped, padded with random bytes or
 * given other {@code i32.const} values ({@link BinaryMutation}), then loaded, instantiated with every import
 * stubbed, and one export is called with default arguments ({@link MutationRunner}). Each step may succeed
 * or throw a {@link ComponentException}; anything else (Chicory's own exceptions,
 * {@link NullPointerException}, {@link OutOfMemoryError}, a call that an interrupt cannot stop) is a bug.
 * Failures are collected per fixture and reported with the seed that reproduces them.
 */
class ComponentMutationTest {
    /** Mutations per fixture; {@code -Dfssdk.mutations=N} explores further. */
    private static final int MUTATIONS = Integer.getInteger("fssdk.mutations", 150);
    /** How long one case may run before it is interrupted (a mutated guest may loop forever). */
    private static final Duration BUDGET = Duration.ofSeconds(2);
    /** How long an interrupted case may take to stop; longer is a hang. */
    private static final Duration GRACE = Duration.ofSeconds(5);
    /** The budget of each unmutated fixture, which must not time out. */
    private static final Duration BASELINE_BUDGET = Duration.ofSeconds(60);
    private static final Path FIXTURES = Path.of("src/test/resources/io/fssdk/runtime/component");
    private static final Path C_GUESTS = Path.of("../examples/guests/c");
    private static final ComponentOptions INTERPRETER =
            ComponentOptions.builder().executionMode(ExecutionMode.INTERPRETER).build();

    static List<Path> fixtures() {
        List<Path> out = new ArrayList<>(list(FIXTURES));
        out.removeIf(p -> p.getFileName().toString().equals("qjs.wasm"));
        if (Files.isDirectory(C_GUESTS)) {
            out.addAll(list(C_GUESTS));
        }
        return out;
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".wasm")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> mutatedBinariesFailOnlyWithComponentExceptions() {
        List<Path> fixtures = fixtures();
        assertTrue(fixtures.size() >= 9, "fixtures found in " + FIXTURES.toAbsolutePath() + ": " + fixtures);
        return fixtures.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            byte[] original = read(p);
            try (MutationRunner runner = new MutationRunner(BUDGET, GRACE);
                    MutationRunner patient = new MutationRunner(BASELINE_BUDGET, GRACE)) {
                // The unmutated binary must go all the way, or the mutations would prove nothing. It gets a
                // longer budget: its first instantiation compiles, which takes seconds on a loaded machine.
                MutationRunner.Outcome baseline = patient.run(original, 0);
                assertTrue(baseline.escaped().isEmpty() && !baseline.interrupted()
                        && baseline.stage().compareTo(MutationRunner.Stage.INSTANTIATED) >= 0,
                        () -> p + " itself fails: " + baseline);
                List<String> failures = new ArrayList<>();
                Map<MutationRunner.Stage, Integer> reached = new EnumMap<>(MutationRunner.Stage.class);
                for (int k = 0; k < MUTATIONS; k++) {
                    long seed = p.getFileName().toString().hashCode() * 1_000_003L + k;
                    BinaryMutation m = BinaryMutation.of(original, seed);
                    MutationRunner.Outcome outcome = runner.run(m.apply(original), m.seed());
                    reached.merge(outcome.stage(), 1, Integer::sum);
                    outcome.escaped().ifPresent(f -> failures.add(m + ": " + f));
                }
                if (!failures.isEmpty()) {
                    fail(failures.size() + " of " + MUTATIONS + " mutations of " + p + " escaped:\n  "
                            + String.join("\n  ", failures));
                }
                assertTrue(reached.getOrDefault(MutationRunner.Stage.INSTANTIATED, 0)
                        + reached.getOrDefault(MutationRunner.Stage.CALLED, 0) > 0,
                        () -> "no mutation of " + p + " got past loading: " + reached);
            }
        }));
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aMemoryLargerThanChicoryCanHoldIsALinkError(ExecutionMode mode) {
        // Regression: Chicory holds at most Memory.RUNTIME_MAX_PAGES (32767) pages; a core module declaring
        // 32768 to 65536 initial pages (valid wasm, within the default cap) made instantiation throw
        // ArrayIndexOutOfBoundsException instead of an engine exception.
        ComponentOptions options = ComponentOptions.builder().executionMode(mode).build();
        for (int pages : new int[] {32768, 65535, 65536}) {
            Component c = Component.load(MinimalComponents.withMemory(pages), options);
            LinkException e = assertThrows(LinkException.class, () -> Linker.builder().build().instantiate(c));
            assertTrue(e.getMessage().contains(pages + " memory pages"), e.getMessage());
        }
        Linker.builder().build().instantiate(Component.load(MinimalComponents.withMemory(1), options));
    }

    static Stream<Arguments> corruptFunctionBodies() {
        return Stream.of(
                Arguments.of("f64.const cut short", new byte[] {0, 0x44, 0, 0}),
                Arguments.of("br to a label that does not exist", new byte[] {0, 0x02, 0x40, 0x0c, 0x03, 0x0b, 0x0b}),
                Arguments.of("else in a loop", new byte[] {0, 0x03, 0x40, 0x05, 0x0b, 0x0b}),
                Arguments.of("end with no open block", new byte[] {0, 0x0b, 0x0b}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptFunctionBodies")
    void corruptCoreCodeIsMalformedOrInvalid(String what, byte[] body) {
        // Regression: Chicory's parser threw BufferUnderflowException, NullPointerException and (with -ea)
        // AssertionError for these bodies, and CompiledModule.parse let them escape Component.load. Found
        // by the mutation test; without -ea "else in a loop" is Chicory's InvalidException instead.
        ComponentException e = assertThrows(ComponentException.class,
                () -> Component.load(MinimalComponents.withFunctionBody(body), INTERPRETER));
        assertTrue(e instanceof MalformedException || e instanceof InvalidException, e.toString());
        assertTrue(e.getMessage().startsWith("core module 0 is "), e.getMessage());
    }
}
