package io.fssdk.runtime.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.fssdk.api.SdkException;
import io.fssdk.api.Store;
import io.fssdk.runtime.OperatorRunner;
import io.fssdk.runtime.component.Component;
import io.fssdk.runtime.component.ComponentOptions;
import io.fssdk.runtime.memory.InMemoryStateBackend;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzz target 3: the canonical ABI from the guest's side. {@code abi-fuzz.wasm} runs each record as a program of
 * calls to every collector and kv import with raw arguments (see the header of {@code abi-fuzz.wat}), so the
 * fuzzer chooses every pointer, length, handle and return area the host sees. Through a real
 * {@link OperatorRunner} on an in-memory backend, the only allowed outcomes are a normal return or an
 * {@link SdkException}; anything else, an out-of-memory error or a hang past the deadline fails. Afterwards
 * the runner must take the next record (on a fresh instance after a failure) and the backend must still
 * answer. Seeds: {@code CanonicalAbiFuzzTestInputs/} (every import once with valid arguments, then with bad
 * ones).
 */
class CanonicalAbiFuzzTest {
    /** The guest, loaded and compiled once: every execution instantiates it afresh. */
    private static final Component GUEST = Component.load(GuestFixtures.bytes("abi-fuzz.wasm"),
            ComponentOptions.builder().maxMemoryBytes(16L << 20).name("abi-fuzz").build()).compile();

    @FuzzTest(maxDuration = "2h")
    void callEveryImportWithArbitraryArguments(byte[] program) {
        List<String> emitted = new ArrayList<>();
        try (InMemoryStateBackend backend = new InMemoryStateBackend();
                OperatorRunner runner = OperatorRunner.builder().operatorName("abi-fuzz")
                        .driver(WasmDriver.builder().component(GUEST).operatorName("abi-fuzz")
                                .callDeadline(Duration.ofSeconds(2)).build())
                        .stateBackend(backend)
                        .outputSink((target, data) -> emitted.add(new String(data, StandardCharsets.UTF_8)))
                        .build()) {
            runner.init();
            try {
                runner.process(0, program);
            } catch (SdkException typed) {
                // the host refused or the guest trapped: typed, as it must be
            }
            // The next record works (an empty program: nothing to call, so no typed error either), on a fresh
            // instance if the fuzzed one failed. The guest's memory may hold anything the program wrote, so
            // nothing read from it is asserted.
            emitted.clear();
            runner.process(0, new byte[0]);
            assertEquals(List.of(), emitted, "the next record after the fuzzed one");
            Store probe = backend.openStore("@abi-fuzz-probe/probe");
            probe.putState("k".getBytes(StandardCharsets.UTF_8), new byte[] {1});
            assertEquals(1, probe.getState("k".getBytes(StandardCharsets.UTF_8)).map(v -> v.length).orElse(0),
                    "the backend still answers");
        }
    }
}
