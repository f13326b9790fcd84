package io.fssdk.runtime.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.Store;
import io.fssdk.api.spi.StoreNames;
import io.fssdk.runtime.OperatorRunner;
import io.fssdk.runtime.memory.InMemoryStateBackend;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A guest call that fails after writing keeps none of its writes. Regression: before atomic calls, a
 * memory-cap trap after the counter's write kept the write (6 of 14 records counted twice on retry), a 3
 * ms deadline kept 12 of 19, and a throwing output sink kept 1 of 1. misbehave's {@code after:CMD} counts
 * its input (a store write and an emit) and then runs CMD.
 */
class WasmDriverAtomicityTest {
    private final InMemoryStateBackend backend = new InMemoryStateBackend();
    private final List<String> outputs = new ArrayList<>();
    private OperatorRunner runner;

    @AfterEach
    void close() {
        if (runner != null) {
            runner.close();
        }
        backend.close();
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("after:trap", ErrorCode.OPERATOR_FAILED, (UnaryOperator<WasmDriver.Builder>) b -> b),
                Arguments.of("after:loop", ErrorCode.LIMIT_EXCEEDED,
                        (UnaryOperator<WasmDriver.Builder>) b -> b.callDeadline(Duration.ofMillis(100))),
                Arguments.of("after:grow", ErrorCode.LIMIT_EXCEEDED,
                        (UnaryOperator<WasmDriver.Builder>) b -> b.maxMemoryBytes(16L << 20)),
                Arguments.of("sink-fails", ErrorCode.OPERATOR_FAILED, (UnaryOperator<WasmDriver.Builder>) b -> b));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void aFailedGuestCallKeepsNoneOfItsWrites(String input, ErrorCode code, UnaryOperator<WasmDriver.Builder> limits) {
        WasmDriver driver = limits.apply(WasmDriver.builder().component(GuestFixtures.bytes("misbehave.wasm"))
                .operatorName("misbehave")).build();
        runner = OperatorRunner.builder().operatorName("misbehave").driver(driver).stateBackend(backend)
                .outputSink((target, data) -> {
                    String text = new String(data, StandardCharsets.UTF_8);
                    if (text.startsWith("sink-fails")) {
                        throw new IllegalStateException("the sink refuses " + text);
                    }
                    outputs.add(text);
                }).build();
        runner.init();
        runner.process(0, utf8("a"));
        for (int attempt = 0; attempt < 3; attempt++) {
            SdkException e = assertThrows(SdkException.class, () -> runner.process(0, utf8(input)));
            assertEquals(code, e.code(), e::getMessage);
            assertEquals(Optional.empty(), state(input), "attempt " + attempt + " left its write behind");
        }
        runner.process(0, utf8("a"));
        assertEquals("2", state("a").orElseThrow(), "the fresh instance counts on the committed state");
        assertEquals(List.of("a=1", "a=2"), outputs.stream().filter(o -> o.startsWith("a=")).toList());
    }

    private Optional<String> state(String key) {
        try (Store s = backend.openStore(StoreNames.namespaced("misbehave", "misbehave"))) {
            return s.getState(utf8(key)).map(v -> new String(v, StandardCharsets.UTF_8));
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
