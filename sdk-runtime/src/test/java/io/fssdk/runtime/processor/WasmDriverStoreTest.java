package io.fssdk.runtime.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.runtime.OperatorTestKit;
import io.fssdk.runtime.memory.InMemoryStateBackend;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kv method, seen from inside a guest: {@code examples/guests/c/store-checks.c} runs the
 * {@link io.fssdk.api.Store} contract against the host (input {@code run}) and checks that each method
 * returns exactly the injected error variant (input {@code expect:<variant>[:<message>]}); it emits
 * {@code ok} or {@code fail: <check>: <reason>}. Here the stores are in memory; the examples module
 * runs the same guest on RocksDB.
 */
class WasmDriverStoreTest {
    private static WasmDriver storeChecks() {
        return WasmDriver.builder().component(GuestFixtures.component("store-checks.wasm")).build();
    }

    private static List<String> send(WasmDriver driver, TestContext ctx, String input) {
        driver.process(ctx, 0, input.getBytes(StandardCharsets.UTF_8));
        return ctx.drain();
    }

    @Test
    void everyStoreMethodBehavesAsTheContractSaysThroughARunner() {
        try (OperatorTestKit kit = OperatorTestKit.of(storeChecks())) {
            kit.process("run");
            kit.process("run"); // again, on the state the first run left
            assertEquals(List.of("ok", "ok"), kit.drainOutputStrings());
            assertEquals(Optional.of("elsewhere"), kit.stateAsString("store-checks-2", "k"));
        }
    }

    @Test
    void droppingHandlesClosesScansButNotTheRunnersStores() {
        TestContext ctx = new TestContext();
        WasmDriver driver = storeChecks();
        driver.init(ctx, Map.of());
        assertEquals(List.of("ok"), send(driver, ctx, "run"));
        TrackingStore main = ctx.stores.get("store-checks");
        TrackingStore other = ctx.stores.get("store-checks-2");
        assertEquals(3, main.scansOpened, "scan, scan-snapshot and scan-empty");
        assertEquals(0, main.openScans(), "every dropped iterator closed its scan");
        assertFalse(main.closed);
        assertFalse(other.closed, "the guest dropped its handle to store-checks-2; the store stays open");
        assertEquals(List.of("store-checks", "store-checks", "store-checks-2"), ctx.opened);
        driver.close(ctx);
        assertFalse(main.closed, "closing the driver leaves the stores to the runner");
    }

    @Test
    void aGuestImportingEveryKvFunctionLinksAndRunsOnARealStore() {
        // The engine's kv-host.wasm imports all 15 kv functions (other guests import only what they call),
        // so this proves every raw signature the driver binds matches the WIT, names included.
        TestContext ctx = new TestContext();
        WasmDriver driver = WasmDriver.builder().componentResource("io/fssdk/runtime/component/kv-host.wasm").build();
        driver.init(ctx, Map.of());
        assertEquals(List.of("open:kv-host", "put-state:ok", "put-state:ok", "get-state:ok:some:v1",
                "list-states:ok:2:k1,k2", "delete-state:ok", "get-state:ok:none", "put:ok", "put:ok",
                "get:ok:some:cv1", "merge:ok", "get:ok:some:cv1+m", "delete:ok", "list-complex:ok:1:u1",
                "scan-complex:ok", "has-next:ok:true", "next:ok:some:u1=cv1+m", "has-next:ok:false", "next:ok:none",
                "drop-iterator", "delete-prefix:ok", "get:ok:none", "drop-store"), send(driver, ctx, "v1"));
        assertEquals(0, ctx.stores.get("kv-host").openScans());
        driver.close(ctx);
    }

    static Stream<Arguments> injectedFailures() {
        return Stream.of(
                Arguments.of(new SdkException(ErrorCode.STORE_NOT_FOUND, "no such store"), "expect:not-found"),
                Arguments.of(new SdkException(ErrorCode.STORE_IO, "store `s`: disk on fire"),
                        "expect:io-error:store_io: store `s`: disk on fire"),
                Arguments.of(new SdkException(ErrorCode.RUNTIME_CLOSED, "store `s` is closed"),
                        "expect:other:runtime_closed: store `s` is closed"),
                Arguments.of(new SdkException(ErrorCode.STORE_INTERNAL, "corrupt key \u00e9\u20ac"),
                        "expect:other:store_internal: corrupt key \u00e9\u20ac"),
                Arguments.of(new IllegalStateException("a bug in a store"), "expect:other:a bug in a store"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("injectedFailures")
    void aFailingStoreReachesTheGuestAsTheErrorVariantOfEveryMethod(RuntimeException failure, String expectation) {
        TestContext ctx = new TestContext(new InMemoryStateBackend(), s -> {
            s.failWith = failure;
            return s;
        });
        WasmDriver driver = storeChecks();
        driver.init(ctx, Map.of());
        assertEquals(List.of("ok"), send(driver, ctx, expectation));
        // A store error is a value, not a trap: the same instance goes on (its store handle is still held).
        assertEquals(List.of("ok"), send(driver, ctx, expectation));
        assertEquals(List.of("store-checks"), ctx.opened);
    }

    @Test
    void theGuestNoticesAWrongVariant() {
        // The check itself must be able to fail, or the test above proves nothing.
        TestContext ctx = new TestContext(new InMemoryStateBackend(), s -> {
            s.failWith = new SdkException(ErrorCode.STORE_IO, "disk on fire");
            return s;
        });
        WasmDriver driver = storeChecks();
        driver.init(ctx, Map.of());
        assertEquals(List.of("fail: put-state: got io-error: store_io: disk on fire"),
                send(driver, ctx, "expect:other"));
        assertEquals(List.of("fail: put-state: got io-error: store_io: disk on fire"),
                send(driver, ctx, "expect:io-error:another message"));
    }
}
