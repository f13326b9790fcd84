package io.fssdk.runtime.component.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import io.fssdk.runtime.component.core.CoreFixtures.Engine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every instruction class through the rewriter, one fixture per proposal (see build.sh).
 *
 * <p>Each fixture X comes with X.rev, the same text with its type declarations in reverse order. Unifying
 * {@code [X.rev, X]} must leave X.rev as it is and turn X into exactly X.rev (custom sections aside), which
 * checks that every type index was found and re-encoded and every other byte kept. Where Chicory 1.7.5
 * supports the proposal, the rewritten module must also parse and return what the original returns, in
 * the interpreter and the compiler.
 */
class InstructionRoundTripTest {
    /** How far Chicory 1.7.5 gets with a fixture. */
    private enum Chicory {
        NONE, PARSES, RUNS
    }

    private record Fixture(String name, Chicory chicory, List<Long> expected) {
    }

    private static final List<Fixture> FIXTURES = List.of(
            new Fixture("mvp", Chicory.RUNS, List.of(16L, 3L, 117901168L, 4746794007249551360L, 58L)),
            new Fixture("tail-call", Chicory.RUNS, List.of(5050L)),
            // Chicory 1.7.5 decodes SIMD but runs it only with its separate SIMD machine.
            new Fixture("simd", Chicory.PARSES, List.of()),
            new Fixture("relaxed-simd", Chicory.NONE, List.of()),
            new Fixture("threads", Chicory.RUNS, List.of(50L, 8L)),
            new Fixture("legacy-eh", Chicory.NONE, List.of()),
            new Fixture("imports", Chicory.PARSES, List.of()),
            new Fixture("many-types", Chicory.RUNS, List.of(42L)),
            new Fixture("memories", Chicory.NONE, List.of()),
            new Fixture("eh", Chicory.RUNS, List.of(42L, 7L, 100L)),
            new Fixture("eh-all-ref", Chicory.NONE, List.of()),
            new Fixture("func-refs", Chicory.RUNS, List.of(43L)));

    @TestFactory
    Stream<DynamicTest> becomesTheReversedFixture() {
        return FIXTURES.stream().map(f -> dynamicTest(f.name(), () -> {
            byte[] module = CoreFixtures.bytes(f.name() + ".wasm");
            byte[] reversed = CoreFixtures.bytes(f.name() + ".rev.wasm");
            List<byte[]> out = TypeUnifier.unify(List.of(reversed, module));
            assertSame(reversed, out.get(0), "already in the union's order");
            assertNotSame(module, out.get(1));
            assertArrayEquals(CoreFixtures.withoutCustomSections(reversed),
                    CoreFixtures.withoutCustomSections(out.get(1)));
            // And the other way round.
            List<byte[]> back = TypeUnifier.unify(List.of(module, reversed));
            assertArrayEquals(CoreFixtures.withoutCustomSections(module),
                    CoreFixtures.withoutCustomSections(back.get(1)));
        }));
    }

    @TestFactory
    Stream<DynamicTest> behavesTheSame() {
        return FIXTURES.stream().filter(f -> f.chicory() != Chicory.NONE).flatMap(f -> Arrays.stream(Engine.values())
                .map(engine -> dynamicTest(f.name() + " " + engine, () -> {
                    byte[] module = CoreFixtures.bytes(f.name() + ".wasm");
                    byte[] rewritten = TypeUnifier.unify(
                            List.of(CoreFixtures.bytes(f.name() + ".rev.wasm"), module)).get(1);
                    Parser.parse(rewritten);
                    if (f.chicory() == Chicory.RUNS) {
                        List<Long> before = runAll(engine.instantiate(module));
                        List<Long> after = runAll(engine.instantiate(rewritten));
                        assertEquals(before, after);
                        if (!f.expected().isEmpty()) {
                            assertEquals(f.expected(), after);
                        }
                    }
                })));
    }

    /** Calls every exported function (all take no arguments), in export order; returns the first results. */
    private static List<Long> runAll(Instance instance) {
        List<Long> results = new ArrayList<>();
        var exports = instance.module().exportSection();
        for (int i = 0; i < exports.exportCount(); i++) {
            Export e = exports.getExport(i);
            if (e.exportType() == ExternalType.FUNCTION) {
                long[] r = instance.export(e.name()).apply();
                results.add(r == null || r.length == 0 ? null : r[0]);
            }
        }
        return results;
    }
}
