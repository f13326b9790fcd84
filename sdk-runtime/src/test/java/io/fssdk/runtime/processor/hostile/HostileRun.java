package io.fssdk.runtime.processor.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.api.Context;
import io.fssdk.api.Driver;
import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.Store;
import io.fssdk.api.spi.StoreNames;
import io.fssdk.runtime.OperatorRunner;
import io.fssdk.runtime.component.Component;
import io.fssdk.runtime.component.ComponentOptions;
import io.fssdk.runtime.component.ExecutionMode;
import io.fssdk.runtime.memory.InMemoryStateBackend;
import io.fssdk.runtime.processor.WasmDriver;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One run of {@code hostile.wasm} (see its header for the commands) next to a well-behaved native
 * operator, {@code bystander}, on one shared in-memory backend. {@link #start} gives both a record;
 * {@link #fails} sends the hostile operator a misbehaving record and checks that it fails with a typed
 * error within its deadline; {@link #assertSurvived} checks what the issue promises afterwards: the hostile
 * call kept none of its writes, the bystander's store is unchanged and it keeps working, and the hostile
 * operator's next normal record works on a fresh instance.
 */
final class HostileRun implements AutoCloseable {
    /** The per-call deadline of every hostile run. */
    static final Duration DEADLINE = Duration.ofSeconds(5);
    /** The memory cap of every hostile run. */
    static final long MEMORY_CAP = 32L << 20;
    /** Slack over the deadline for a loaded machine (two cores shared with other builds). */
    private static final Duration SLACK = Duration.ofSeconds(5);
    private static final Map<ExecutionMode, Component> COMPONENTS = new EnumMap<>(ExecutionMode.class);

    private final InMemoryStateBackend backend = new InMemoryStateBackend();
    private final OperatorRunner hostile;
    private final OperatorRunner bystander;
    /** What the hostile operator emitted, as text. */
    final List<String> outputs = new ArrayList<>();
    private Map<String, String> bystanderBefore;

    private final Duration deadline;

    private HostileRun(ExecutionMode mode, Duration deadline) {
        this.deadline = deadline;
        WasmDriver driver = WasmDriver.builder().component(component(mode)).operatorName("hostile")
                .callDeadline(deadline).build();
        hostile = OperatorRunner.builder().operatorName("hostile").driver(driver).stateBackend(backend)
                .outputSink((target, data) -> outputs.add(new String(data, StandardCharsets.UTF_8))).build();
        bystander = OperatorRunner.builder().operatorName("bystander").driver(new Counter()).stateBackend(backend)
                .build();
    }

    /** Starts both operators and gives each a first record, in the default execution mode. */
    static HostileRun start() {
        return start(ExecutionMode.COMPILER);
    }

    /** Starts both operators and gives each a first record, with the {@link #DEADLINE}. */
    static HostileRun start(ExecutionMode mode) {
        return start(mode, DEADLINE);
    }

    /** Starts both operators and gives each a first record; the hostile one runs under {@code deadline}. */
    static HostileRun start(ExecutionMode mode, Duration deadline) {
        HostileRun run = new HostileRun(mode, deadline);
        run.hostile.init();
        run.bystander.init();
        run.bystander.process(0, utf8("b"));
        run.hostile.process(0, utf8("nwarm"));
        assertEquals(List.of("nwarm"), run.outputs);
        assertEquals(Optional.of("warm"), run.hostileState("warm"));
        run.bystanderBefore = run.contents("bystander");
        assertEquals(Map.of("b", "1"), run.bystanderBefore);
        return run;
    }

    /** The hostile.wasm component in {@code mode}, loaded and compiled once per run of the tests. */
    static synchronized Component component(ExecutionMode mode) {
        return COMPONENTS.computeIfAbsent(mode, m -> Component.load(bytes("hostile.wasm"),
                ComponentOptions.builder().executionMode(m).maxMemoryBytes(MEMORY_CAP).name("hostile").build())
                .compile());
    }

    /** A fixture of this package, e.g. {@code hostile.wasm}. */
    static byte[] bytes(String name) {
        try (InputStream in = HostileRun.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name + "; run build.sh beside it");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code record} to the hostile operator, which must fail with {@code code} within its deadline. */
    SdkException fails(String record, ErrorCode code) {
        return failsWithin(code, () -> hostile.process(0, utf8(record)));
    }

    /** Sends {@code payload} to the hostile operator's {@code fs-custom}, which must fail with {@code code}. */
    SdkException customFails(String payload, ErrorCode code) {
        return failsWithin(code, () -> hostile.custom(utf8(payload)));
    }

    /** The hostile operator's {@code fs-custom} answer to {@code payload}. */
    String custom(String payload) {
        return new String(hostile.custom(utf8(payload)), StandardCharsets.UTF_8);
    }

    /** Sends {@code record} to the hostile operator, which must take it. */
    void process(String record) {
        hostile.process(0, utf8(record));
    }

    private SdkException failsWithin(ErrorCode code, Runnable call) {
        long start = System.nanoTime();
        SdkException e = assertThrows(SdkException.class, call::run);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(code, e.code(), e::getMessage);
        assertEquals(Optional.of("hostile"), e.operator(), e::getMessage);
        assertTrue(took.compareTo(deadline.plus(SLACK)) < 0, "failed after " + took.toMillis() + " ms");
        return e;
    }

    /**
     * Checks the aftermath of a failed call: none of its writes landed, the bystander's store is as it was
     * and it takes its next record, and the hostile operator takes its next normal record.
     */
    void assertSurvived() {
        assertEquals(Optional.empty(), hostileState("partial"), "the failed call's write landed");
        assertEquals(bystanderBefore, contents("bystander"), "the other operator's store changed");
        bystander.process(0, utf8("b"));
        assertEquals(Map.of("b", "2"), contents("bystander"));
        bystanderBefore = contents("bystander");

        int before = outputs.size();
        hostile.process(0, utf8("nnext"));
        assertEquals(List.of("nnext"), outputs.subList(before, outputs.size()), "the next record on a fresh instance");
        assertEquals(Optional.of("next"), hostileState("next"));
    }

    /** A byte key of the hostile operator's store. */
    Optional<String> hostileState(String key) {
        try (Store s = backend.openStore(StoreNames.namespaced("hostile", "hostile"))) {
            return s.getState(utf8(key)).map(v -> new String(v, StandardCharsets.UTF_8));
        }
    }

    private Map<String, String> contents(String store) {
        Map<String, String> out = new TreeMap<>();
        try (Store s = backend.openStore(StoreNames.namespaced(store, store))) {
            for (byte[] key : s.listStates(new byte[0], new byte[0])) {
                out.put(new String(key, StandardCharsets.UTF_8),
                        new String(s.getState(key).orElseThrow(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** Fails unless the message of {@code e} holds every fragment. */
    static void assertMentions(SdkException e, String... fragments) {
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), () -> "no `" + f + "` in: " + e.getMessage());
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            hostile.close();
        } finally {
            try {
                bystander.close();
            } finally {
                backend.close();
            }
        }
    }

    /** The well-behaved operator: counts each distinct record in store {@code bystander}. */
    private static final class Counter implements Driver {
        @Override
        public void process(Context ctx, int sourceId, byte[] data) {
            Store s = ctx.getOrCreateStore("bystander");
            long n = s.getState(data).map(v -> Long.parseLong(new String(v, StandardCharsets.UTF_8))).orElse(0L);
            s.putState(data, utf8(Long.toString(n + 1)));
        }
    }

    /**
     * Runs {@code call} and returns what was logged meanwhile: the test binding (slf4j-simple) logs to
     * {@link System#err}, where the guest's stderr goes by default, tagged {@code [hostile]}.
     */
    static ByteArrayOutputStream logDuring(Runnable call) {
        PrintStream saved = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            call.run();
        } finally {
            System.setErr(saved);
        }
        return log;
    }
}
