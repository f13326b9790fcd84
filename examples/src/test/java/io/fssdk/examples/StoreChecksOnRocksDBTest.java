package io.fssdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fssdk.runtime.OperatorTestKit;
import io.fssdk.runtime.processor.WasmDriver;
import io.fssdk.store.rocksdb.RocksDBStateBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guest that checks every kv method from the inside ({@code guests/c/store-checks.c}) passes on the
 * RocksDB backend, as it does on the in-memory one in sdk-runtime's tests: the kv interface behaves the
 * same whichever backend holds the state, including after the backend is closed and reopened.
 */
class StoreChecksOnRocksDBTest {
    /** Where the guest is built; the sdk-runtime test resources, if it moved there, come second. */
    private static final List<Path> LOCATIONS = List.of(Path.of("guests", "c", "store-checks.wasm"),
            Path.of("..", "sdk-runtime", "src", "test", "resources", "io", "fssdk", "runtime", "processor",
                    "store-checks.wasm"));

    @TempDir
    Path dir;

    private static byte[] storeChecks() throws IOException {
        for (Path p : LOCATIONS) {
            if (Files.isRegularFile(p)) {
                return Files.readAllBytes(p);
            }
        }
        throw new IllegalStateException("store-checks.wasm is in none of " + LOCATIONS);
    }

    @Test
    void everyStoreMethodBehavesAsTheContractSaysOnRocksDB() throws IOException {
        byte[] guest = storeChecks();
        Path state = dir.resolve("state");
        for (int lifetime = 0; lifetime < 2; lifetime++) {
            try (RocksDBStateBackend backend = RocksDBStateBackend.open(state);
                 OperatorTestKit kit = OperatorTestKit.builder(WasmDriver.builder().component(guest).build())
                         .stateBackend(backend).build()) {
                kit.process("run");
                kit.process("run");
                assertEquals(List.of("ok", "ok"), kit.drainOutputStrings(), "lifetime " + lifetime);
                assertEquals(Optional.of("elsewhere"), kit.stateAsString("store-checks-2", "k"));
            }
        }
    }
}
