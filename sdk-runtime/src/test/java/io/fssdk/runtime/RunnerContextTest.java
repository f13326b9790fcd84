package io.fssdk.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fssdk.api.Context;
import io.fssdk.api.Driver;
import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.Store;
import io.fssdk.api.spi.StoreNames;
import io.fssdk.runtime.memory.InMemoryStateBackend;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The context a runner gives its driver: store caching, copies, and use after close. */
class RunnerContextTest {
    private final InMemoryStateBackend backend = new InMemoryStateBackend();
    private final List<byte[]> outputs = new ArrayList<>();
    private final ScriptedDriver driver = new ScriptedDriver();
    private OperatorRunner runner;
    private Context ctx;

    @BeforeEach
    void start() {
        runner = OperatorRunner.builder().operatorName("op").driver(driver).stateBackend(backend)
                .outputSink((target, data) -> outputs.add(data)).config("k", "v").build();
        runner.init();
        ctx = driver.lastContext;
    }

    @AfterEach
    void stop() {
        runner.close();
        backend.close();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theSameTrimmedNameGivesTheSameStore() {
        Store a = ctx.getOrCreateStore("counts");
        assertSame(a, ctx.getOrCreateStore("counts"));
        assertSame(a, ctx.getOrCreateStore("  counts\t"));
        assertEquals("counts", a.name());
        assertNotSame(a, ctx.getOrCreateStore("other"));
        assertSame(driver.store, ctx.getOrCreateStore("s"), "the store the driver opened in init");
    }

    @Test
    void emptyOrBlankNamesAreInvalid() {
        for (String name : new String[] {"", " ", "\t\n", null}) {
            SdkException e = assertThrows(SdkException.class, () -> ctx.getOrCreateStore(name));
            assertEquals(ErrorCode.STORE_INVALID_NAME, e.code());
        }
    }

    @Test
    void aStoreTheOperatorClosedIsReopenedNotReturnedClosed() {
        // Regression guard: a guest that drops its store resource and asks for the name again (the C
        // counter does this in fs-init) got the cached, closed handle back and failed with RUNTIME_CLOSED.
        Store first = ctx.getOrCreateStore("counts");
        first.putState(utf8("k"), utf8("1"));
        first.close();
        Store second = ctx.getOrCreateStore("counts");
        assertNotSame(first, second);
        assertArrayEquals(utf8("1"), second.getState(utf8("k")).orElseThrow());
        assertEquals(ErrorCode.RUNTIME_CLOSED, assertThrows(SdkException.class, () -> first.getState(utf8("k"))).code());
    }

    @Test
    void emitCopiesTheBytes() {
        byte[] buffer = utf8("abc");
        ctx.emit(0, buffer);
        buffer[0] = 'X';
        assertArrayEquals(utf8("abc"), outputs.get(0));
    }

    @Test
    void emitOwnedHandsTheArrayOnWithoutACopy() {
        byte[] record = utf8("abc");
        ctx.emitOwned(0, record);
        assertSame(record, outputs.get(0));
    }

    @Test
    void closingTheRunnerClosesTheStoresButNotTheBackend() {
        Store counts = ctx.getOrCreateStore("counts");
        counts.putState(utf8("k"), utf8("1"));
        runner.close();
        assertEquals(ErrorCode.RUNTIME_CLOSED, assertThrows(SdkException.class, () -> counts.getState(utf8("k"))).code());
        assertEquals(ErrorCode.RUNTIME_CLOSED, assertThrows(SdkException.class, () -> driver.store.getState(utf8("k"))).code());
        try (Store reopened = backend.openStore(StoreNames.namespaced("op", "counts"))) {
            assertArrayEquals(utf8("1"), reopened.getState(utf8("k")).orElseThrow(), "the data stays in the backend");
        }
    }

    @Test
    void everyContextMethodAfterCloseIsClosed() {
        runner.close();
        List<Executable> calls = List.of(
                () -> ctx.emit(0, new byte[0]),
                () -> ctx.emitWatermark(0, 1),
                () -> ctx.getOrCreateStore("s"),
                () -> ctx.config());
        for (Executable call : calls) {
            assertEquals(ErrorCode.RUNTIME_CLOSED, assertThrows(SdkException.class, call).code());
        }
    }

    @Test
    void theContextStillWorksInsideTheDriversClose() {
        List<byte[]> flushed = new ArrayList<>();
        Driver flushing = new Driver() {
            @Override
            public void close(Context c) {
                c.getOrCreateStore("s").putState(utf8("final"), utf8("1"));
                c.emit(0, utf8("bye"));
            }
        };
        OperatorRunner r = OperatorRunner.builder().operatorName("op").driver(flushing).stateBackend(backend)
                .outputSink((target, data) -> flushed.add(data)).build();
        r.init();
        r.close();
        assertArrayEquals(utf8("bye"), flushed.get(0));
        try (Store s = backend.openStore(StoreNames.namespaced("op", "s"))) {
            assertArrayEquals(utf8("1"), s.getState(utf8("final")).orElseThrow());
        }
    }

    @Test
    void configIsTheRunnersConfig() {
        assertEquals(Map.of("k", "v"), ctx.config());
    }
}
