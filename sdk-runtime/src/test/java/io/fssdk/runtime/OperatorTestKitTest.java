package io.fssdk.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.api.Context;
import io.fssdk.api.Driver;
import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.Store;
import io.fssdk.runtime.memory.InMemoryStateBackend;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The test kit operator authors use. */
class OperatorTestKitTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void capturesOutputsAsBytesAndStringsUntilDrained() {
        try (OperatorTestKit kit = OperatorTestKit.of(new ScriptedDriver())) {
            kit.process("hello");
            kit.process(3, utf8("wörld"));
            assertEquals(List.of(new Emitted(1, utf8("hello")), new Emitted(1, utf8("wörld"))), kit.outputs());
            assertEquals(List.of("hello", "wörld"), kit.outputStrings());
            assertEquals(List.of("hello", "wörld"), kit.drainOutputStrings());
            assertEquals(List.of(), kit.outputs());
            kit.process("again");
            assertEquals(List.of(new Emitted(1, utf8("again"))), kit.drainOutputs());
            assertEquals(List.of(), kit.drainOutputs());
        }
    }

    @Test
    void capturesWatermarksUntilDrained() {
        try (OperatorTestKit kit = OperatorTestKit.of(new ScriptedDriver())) {
            kit.processWatermark(10);
            kit.processWatermark(1, -1L); // u64 max, bit for bit
            assertEquals(List.of(new EmittedWatermark(2, 10), new EmittedWatermark(2, -1L)), kit.watermarks());
            assertEquals(2, kit.drainWatermarks().size());
            assertEquals(List.of(), kit.watermarks());
        }
    }

    @Test
    void exposesTheOperatorsStores() {
        try (OperatorTestKit kit = OperatorTestKit.of(new ScriptedDriver())) {
            kit.process("k1");
            assertEquals(Optional.of("k1"), kit.stateAsString("s", "k1"));
            assertEquals(Optional.empty(), kit.stateAsString("s", "absent"));
            assertArrayEquals(utf8("k1"), kit.state(" s ", utf8("k1")).orElseThrow());
            Store s = kit.store("s");
            s.putState(utf8("seeded"), utf8("x"));
            assertEquals(Optional.of("x"), kit.stateAsString("s", "seeded"), "the same store the operator sees");
            assertEquals(ErrorCode.STORE_INVALID_NAME, assertThrows(SdkException.class, () -> kit.store(" ")).code());
        }
    }

    @Test
    void numbersCheckpointsFromOne() {
        ScriptedDriver driver = new ScriptedDriver();
        try (OperatorTestKit kit = OperatorTestKit.of(driver)) {
            assertEquals(1, kit.takeCheckpoint());
            assertEquals(2, kit.takeCheckpoint());
            kit.takeCheckpoint(10);
            assertEquals(11, kit.takeCheckpoint());
            assertEquals(List.of("init", "takeCheckpoint 1", "takeCheckpoint 2", "takeCheckpoint 10", "takeCheckpoint 11"),
                    driver.calls);
        }
    }

    @Test
    void passesConfigHeartbeatAndCustom() {
        ScriptedDriver driver = new ScriptedDriver();
        try (OperatorTestKit kit = OperatorTestKit.of(driver, Map.of("key_prefix", "p-"))) {
            assertEquals(Map.of("key_prefix", "p-"), driver.seenConfig);
            assertTrue(kit.checkHeartbeat());
            byte[] payload = utf8("ping");
            assertArrayEquals(utf8("ping"), kit.custom(payload));
        }
    }

    @Test
    void buildInitialisesAndReportsAFailedInit() {
        ScriptedDriver driver = new ScriptedDriver().failOn("init", new IllegalStateException("no"));
        SdkException e = assertThrows(SdkException.class,
                () -> OperatorTestKit.builder(driver).operatorName("my-op").build());
        assertEquals(ErrorCode.OPERATOR_FAILED, e.code());
        assertEquals(Optional.of("my-op"), e.operator());
        assertEquals(Optional.of("init"), e.step());
    }

    @Test
    void closeClosesTheOperatorAndKeepsTheCapturedOutputs() {
        ScriptedDriver driver = new ScriptedDriver();
        OperatorTestKit kit = OperatorTestKit.of(driver);
        kit.process("x");
        kit.close();
        kit.close();
        assertEquals(List.of("init", "process 0 x", "close"), driver.calls);
        assertEquals(List.of("x"), kit.outputStrings());
        assertEquals(ErrorCode.RUNTIME_CLOSED, assertThrows(SdkException.class, () -> kit.process("y")).code());
        assertEquals(ErrorCode.RUNTIME_CLOSED, assertThrows(SdkException.class, () -> kit.store("s")).code());
    }

    @Test
    void aGivenBackendOutlivesTheKit() {
        try (InMemoryStateBackend backend = new InMemoryStateBackend()) {
            try (OperatorTestKit kit = OperatorTestKit.builder(new ScriptedDriver()).stateBackend(backend).build()) {
                kit.process("kept");
            }
            try (OperatorTestKit again = OperatorTestKit.builder(new ScriptedDriver()).stateBackend(backend).build()) {
                assertEquals(Optional.of("kept"), again.stateAsString("s", "kept"));
            }
        }
    }

    @Test
    void feedsBytesAsACopy() {
        Driver scribbler = new Driver() {
            @Override
            public void process(Context ctx, int sourceId, byte[] data) {
                data[0] = 'Z'; // allowed: the record belongs to the operator
                ctx.emit(sourceId, data);
            }
        };
        try (OperatorTestKit kit = OperatorTestKit.of(scribbler)) {
            byte[] mine = utf8("abc");
            kit.process(7, mine);
            assertArrayEquals(utf8("abc"), mine);
            assertEquals(List.of(new Emitted(7, utf8("Zbc"))), kit.outputs());
            assertFalse(kit.runner().isClosed());
        }
    }
}
