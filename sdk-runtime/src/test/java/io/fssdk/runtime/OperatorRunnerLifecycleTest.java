package io.fssdk.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.api.Context;
import io.fssdk.api.Driver;
import io.fssdk.api.ErrorCode;
import io.fssdk.api.Module;
import io.fssdk.api.SdkException;
import io.fssdk.runtime.memory.InMemoryStateBackend;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The builder's validation and the lifecycle order the runner enforces. */
class OperatorRunnerLifecycleTest {
    private final InMemoryStateBackend backend = new InMemoryStateBackend();
    private final ScriptedDriver driver = new ScriptedDriver();

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    private OperatorRunner runner() {
        return OperatorRunner.builder().operatorName("op").driver(driver).stateBackend(backend).build();
    }

    /** Every step but init and close, as (name, call). */
    static Stream<Arguments> steps() {
        return Stream.of(
                Arguments.of("process", (Consumer<OperatorRunner>) r -> r.process(0, new byte[] {1})),
                Arguments.of("processWatermark", (Consumer<OperatorRunner>) r -> r.processWatermark(0, 5)),
                Arguments.of("takeCheckpoint", (Consumer<OperatorRunner>) r -> r.takeCheckpoint(1)),
                Arguments.of("checkHeartbeat", (Consumer<OperatorRunner>) OperatorRunner::checkHeartbeat),
                Arguments.of("exec", (Consumer<OperatorRunner>) r -> r.exec("Main", List.of())),
                Arguments.of("custom", (Consumer<OperatorRunner>) r -> r.custom(new byte[] {2})));
    }

    @Test
    void buildRejectsAMissingDriverNameOrBackend() {
        SdkException noDriver = assertThrows(SdkException.class,
                () -> OperatorRunner.builder().operatorName("op").stateBackend(backend).build());
        assertEquals(ErrorCode.RUNTIME_INVALID_DRIVER, noDriver.code());
        SdkException noBackend = assertThrows(SdkException.class,
                () -> OperatorRunner.builder().operatorName("op").driver(driver).build());
        assertEquals(ErrorCode.CONFIG_INVALID, noBackend.code());
        SdkException noName = assertThrows(SdkException.class,
                () -> OperatorRunner.builder().driver(driver).stateBackend(backend).build());
        assertEquals(ErrorCode.CONFIG_INVALID, noName.code());
        SdkException blankName = assertThrows(SdkException.class,
                () -> OperatorRunner.builder().operatorName(" \t").driver(driver).stateBackend(backend).build());
        assertEquals(ErrorCode.CONFIG_INVALID, blankName.code());
    }

    @Test
    void configIsCopiedImmutableAndInOrder() {
        Map<String, String> source = new HashMap<>(Map.of("b", "2"));
        OperatorRunner.Builder builder = OperatorRunner.builder().operatorName("op").driver(driver)
                .stateBackend(backend).config("z", "0").config(source).config("a", "1");
        source.put("c", "3");
        OperatorRunner runner = builder.build();
        builder.config("late", "x");
        assertEquals(List.of("b", "a"), List.copyOf(runner.config().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> runner.config().put("d", "4"));
        runner.init();
        assertEquals(runner.config(), driver.seenConfig);
        assertEquals(runner.config(), driver.lastContext.config());
        runner.close();
    }

    @ParameterizedTest(name = "{0} before init")
    @MethodSource("steps")
    void everyStepBeforeInitIsNotInitialised(String step, Consumer<OperatorRunner> call) {
        OperatorRunner runner = runner();
        SdkException e = assertThrows(SdkException.class, () -> call.accept(runner));
        assertEquals(ErrorCode.RUNTIME_NOT_INITIALIZED, e.code());
        assertEquals(Optional.of("op"), e.operator());
        assertEquals(Optional.of(step), e.step());
        assertEquals(List.of(), driver.calls, "the driver is never reached");
    }

    @ParameterizedTest(name = "{0} after close")
    @MethodSource("steps")
    void everyStepAfterCloseIsClosed(String step, Consumer<OperatorRunner> call) {
        OperatorRunner runner = runner();
        runner.init();
        runner.close();
        SdkException e = assertThrows(SdkException.class, () -> call.accept(runner));
        assertEquals(ErrorCode.RUNTIME_CLOSED, e.code());
        assertEquals(Optional.of(step), e.step());
        assertEquals(List.of("init", "close"), driver.calls);
    }

    @Test
    void initSucceedsOnceAndNotAfterClose() {
        OperatorRunner runner = runner();
        assertFalse(runner.isReady());
        runner.init();
        assertTrue(runner.isReady());
        SdkException again = assertThrows(SdkException.class, runner::init);
        assertEquals(ErrorCode.RUNTIME_INVALID_DRIVER, again.code());
        assertEquals(Optional.of("init"), again.step());
        runner.close();
        assertEquals(ErrorCode.RUNTIME_CLOSED, assertThrows(SdkException.class, runner::init).code());
        assertEquals(List.of("init", "close"), driver.calls);
    }

    @Test
    void everyStepReachesTheDriverInAnyOrder() {
        List<byte[]> outputs = new ArrayList<>();
        List<Long> watermarks = new ArrayList<>();
        OperatorRunner runner = OperatorRunner.builder().operatorName("op").driver(driver).stateBackend(backend)
                .outputSink((target, data) -> outputs.add(data))
                .watermarkSink((target, watermark) -> watermarks.add(target * 1000L + watermark))
                .build();
        runner.init();
        runner.processWatermark(3, 7);
        runner.process(4, "x".getBytes(StandardCharsets.UTF_8));
        assertTrue(runner.checkHeartbeat());
        runner.exec("Main", List.of(new Module("m", new byte[] {1})));
        assertEquals("echo", new String(runner.custom("echo".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
        runner.takeCheckpoint(9);
        runner.close();
        assertEquals(List.of("init", "processWatermark 3 7", "process 4 x", "checkHeartbeat", "exec Main 1", "custom",
                "takeCheckpoint 9", "close"), driver.calls);
        assertEquals(1, outputs.size());
        assertEquals(List.of(2007L), watermarks);
    }

    @Test
    void closeIsIdempotentAndAllowedBeforeInit() {
        OperatorRunner runner = runner();
        runner.close();
        runner.close();
        assertTrue(runner.isClosed());
        assertEquals(List.of(), driver.calls, "a driver that was never initialised is never closed");

        ScriptedDriver other = new ScriptedDriver();
        OperatorRunner ready = OperatorRunner.builder().operatorName("op").driver(other).stateBackend(backend).build();
        ready.init();
        ready.close();
        ready.close();
        assertEquals(List.of("init", "close"), other.calls);
    }

    @Test
    void checkpointRunsTheDriverThenTheBackend() {
        RecordingBackend recording = new RecordingBackend(backend);
        OperatorRunner runner = OperatorRunner.builder().operatorName("op").driver(driver).stateBackend(recording).build();
        runner.init();
        runner.takeCheckpoint(1);
        runner.takeCheckpoint(2);
        assertEquals(List.of(1L, 2L), recording.checkpoints);
        assertEquals(List.of("init", "takeCheckpoint 1", "takeCheckpoint 2"), driver.calls);
        runner.close();
        assertFalse(recording.closed, "the embedder owns the backend");
    }

    @Test
    void customMustAnswer() {
        OperatorRunner runner = runner();
        runner.init();
        assertEquals(3, runner.custom(new byte[3]).length);
        Driver nullAnswer = new Driver() {
            @Override
            public byte[] custom(Context ctx, byte[] payload) {
                return null;
            }
        };
        OperatorRunner broken = OperatorRunner.builder().operatorName("op").driver(nullAnswer).stateBackend(backend).build();
        broken.init();
        SdkException e = assertThrows(SdkException.class, () -> broken.custom(new byte[0]));
        assertEquals(ErrorCode.RESULT_UNEXPECTED, e.code());
        assertNull(e.getCause());
    }
}
