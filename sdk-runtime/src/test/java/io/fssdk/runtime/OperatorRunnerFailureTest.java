package io.fssdk.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.api.Context;
import io.fssdk.api.Driver;
import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.Store;
import io.fssdk.runtime.memory.InMemoryStateBackend;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a failing driver step turns into, and what it leaves behind. */
class OperatorRunnerFailureTest {
    private final InMemoryStateBackend backend = new InMemoryStateBackend();
    private final ScriptedDriver driver = new ScriptedDriver();
    private final List<String> outputs = new ArrayList<>();

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    private OperatorRunner runner() {
        return OperatorRunner.builder().operatorName("counter-7").driver(driver).stateBackend(backend)
                .outputSink((target, data) -> outputs.add(new String(data, StandardCharsets.UTF_8)))
                .build();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Every step, as (name, call); init is called by the test itself unless it is the step. */
    static Stream<Arguments> steps() {
        return Stream.of(
                Arguments.of("init", (Consumer<OperatorRunner>) OperatorRunner::init),
                Arguments.of("process", (Consumer<OperatorRunner>) r -> r.process(0, utf8("x"))),
                Arguments.of("processWatermark", (Consumer<OperatorRunner>) r -> r.processWatermark(0, 5)),
                Arguments.of("takeCheckpoint", (Consumer<OperatorRunner>) r -> r.takeCheckpoint(1)),
                Arguments.of("checkHeartbeat", (Consumer<OperatorRunner>) OperatorRunner::checkHeartbeat),
                Arguments.of("exec", (Consumer<OperatorRunner>) r -> r.exec("Main", List.of())),
                Arguments.of("custom", (Consumer<OperatorRunner>) r -> r.custom(new byte[0])),
                Arguments.of("close", (Consumer<OperatorRunner>) OperatorRunner::close));
    }

    @ParameterizedTest(name = "{0} throws a checked exception")
    @MethodSource("steps")
    void aThrowingStepIsOperatorFailedWithOperatorStepAndCause(String step, Consumer<OperatorRunner> call) {
        IOException boom = new IOException("boom");
        driver.failOn(step, boom);
        OperatorRunner runner = runner();
        if (!step.equals("init")) {
            runner.init();
        }
        SdkException e = assertThrows(SdkException.class, () -> call.accept(runner));
        assertEquals(ErrorCode.OPERATOR_FAILED, e.code());
        assertEquals(Optional.of("counter-7"), e.operator());
        assertEquals(Optional.of(step), e.step());
        assertSame(boom, e.getCause());
        assertEquals("operator_failed: operator `counter-7`, step `" + step + "`: the driver threw java.io.IOException: boom",
                e.getMessage());
    }

    @ParameterizedTest(name = "{0} throws an SdkException")
    @MethodSource("steps")
    void aThrownSdkExceptionKeepsItsCode(String step, Consumer<OperatorRunner> call) {
        SdkException io = new SdkException(ErrorCode.STORE_IO, "store `s`: disk full");
        driver.failOn(step, io);
        OperatorRunner runner = runner();
        if (!step.equals("init")) {
            runner.init();
        }
        SdkException e = assertThrows(SdkException.class, () -> call.accept(runner));
        assertEquals(ErrorCode.STORE_IO, e.code());
        assertEquals(Optional.of(step), e.step());
        assertSame(io, e.getCause());
        assertEquals("store_io: operator `counter-7`, step `" + step + "`: store `s`: disk full", e.getMessage(),
                "the code is not repeated");
    }

    @Test
    void anSdkExceptionThatAlreadyNamesTheOperatorIsNotAttributedTwice() {
        // A driver that reports its own failures (WasmDriver does) names the operator itself; the runner's
        // wrapper names it again with the step, so the inner attribution is dropped from the message.
        SdkException own = new SdkException(ErrorCode.LIMIT_EXCEEDED, "export `fs-process` ran past its deadline",
                "counter-7", null, null);
        driver.failOn("process", own);
        OperatorRunner runner = runner();
        runner.init();
        SdkException e = assertThrows(SdkException.class, () -> runner.process(0, utf8("x")));
        assertEquals("limit_exceeded: operator `counter-7`, step `process`: export `fs-process` ran past its deadline",
                e.getMessage());
        assertSame(own, e.getCause());
    }

    @Test
    void aFailedProcessLeavesTheRunnerUsableAndEarlierStateIntact() {
        OperatorRunner runner = runner();
        runner.init();
        runner.process(0, utf8("a"));
        driver.failOn("process-bad", new IllegalStateException("bad record"));
        SdkException e = assertThrows(SdkException.class, () -> runner.process(0, utf8("bad")));
        assertEquals(ErrorCode.OPERATOR_FAILED, e.code());
        runner.process(0, utf8("b"));
        assertEquals(List.of("a", "b"), outputs, "the failed record emitted nothing, the next one went through");
        Store s = driver.lastContext.getOrCreateStore("s");
        assertArrayEquals(utf8("a"), s.getState(utf8("a")).orElseThrow());
        assertArrayEquals(utf8("b"), s.getState(utf8("b")).orElseThrow());
        // The driver wrote before it threw; the runner does not roll a step back (that is what restore is for).
        assertTrue(s.getState(utf8("bad")).isPresent());
        runner.close();
    }

    @Test
    void aFailedInitLeavesTheRunnerNotInitialisedAndMayBeRetried() {
        driver.failOn("init", new IllegalArgumentException("bad config"));
        OperatorRunner runner = runner();
        assertThrows(SdkException.class, runner::init);
        assertFalse(runner.isReady());
        assertEquals(ErrorCode.RUNTIME_NOT_INITIALIZED,
                assertThrows(SdkException.class, () -> runner.process(0, utf8("x"))).code());
        driver.failures.clear();
        runner.init();
        runner.process(0, utf8("x"));
        assertEquals(List.of("x"), outputs);
        runner.close();
    }

    @Test
    void aFailedInitIsNeverClosedButItsStoresAre() {
        driver.failOn("init", new IllegalArgumentException("bad config"));
        OperatorRunner runner = runner();
        assertThrows(SdkException.class, runner::init);
        runner.close();
        assertEquals(List.of("init"), driver.calls);
        assertEquals(ErrorCode.RUNTIME_CLOSED, assertThrows(SdkException.class, () -> driver.store.getState(utf8("k"))).code());
    }

    @Test
    void aFailedCloseStillClosesTheStoresAndTheRunner() {
        driver.failOn("close", new IllegalStateException("flush failed"));
        OperatorRunner runner = runner();
        runner.init();
        assertThrows(SdkException.class, runner::close);
        assertTrue(runner.isClosed());
        assertEquals(ErrorCode.RUNTIME_CLOSED, assertThrows(SdkException.class, () -> driver.store.getState(utf8("k"))).code());
        runner.close(); // nothing left to do, and nothing thrown again
    }

    @Test
    void aFailingDriverCheckpointNeverReachesTheBackend() {
        RecordingBackend recording = new RecordingBackend(backend);
        driver.failOn("takeCheckpoint", new IOException("flush failed"));
        OperatorRunner runner = OperatorRunner.builder().operatorName("op").driver(driver).stateBackend(recording).build();
        runner.init();
        assertThrows(SdkException.class, () -> runner.takeCheckpoint(1));
        assertEquals(List.of(), recording.checkpoints);
        runner.close();
    }

    @Test
    void aFailingBackendCheckpointIsAttributedToTheStep() {
        RecordingBackend recording = new RecordingBackend(backend);
        SdkException io = new SdkException(ErrorCode.STORE_IO, "checkpoint 1: disk full");
        recording.checkpointFailure = io;
        OperatorRunner runner = OperatorRunner.builder().operatorName("op").driver(driver).stateBackend(recording).build();
        runner.init();
        SdkException e = assertThrows(SdkException.class, () -> runner.takeCheckpoint(1));
        assertEquals(ErrorCode.STORE_IO, e.code());
        assertEquals(Optional.of("takeCheckpoint"), e.step());
        assertSame(io, e.getCause());
        runner.close();
    }

    @Test
    void anInterruptedDriverKeepsTheInterruptFlag() {
        driver.failOn("process", new InterruptedException("stop"));
        OperatorRunner runner = runner();
        runner.init();
        try {
            assertThrows(SdkException.class, () -> runner.process(0, utf8("x")));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted(); // do not leak the flag into other tests
            runner.close();
        }
    }

    @Test
    void errorsAreNotWrapped() {
        StackOverflowError error = new StackOverflowError();
        Driver deep = new Driver() {
            @Override
            public void process(Context ctx, int sourceId, byte[] data) {
                throw error;
            }
        };
        OperatorRunner runner = OperatorRunner.builder().operatorName("op").driver(deep).stateBackend(backend).build();
        runner.init();
        assertSame(error, assertThrows(StackOverflowError.class, () -> runner.process(0, new byte[0])));
        runner.close();
    }
}
