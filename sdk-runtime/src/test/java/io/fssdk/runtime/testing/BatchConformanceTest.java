package io.fssdk.runtime.testing;

import static io.fssdk.runtime.testing.StoreAssertions.b;
import static io.fssdk.runtime.testing.StoreAssertions.ck;
import static io.fssdk.runtime.testing.StoreAssertions.entry;
import static io.fssdk.runtime.testing.StoreAssertions.scan;
import static io.fssdk.runtime.testing.StoreAssertions.str;
import static io.fssdk.runtime.testing.StoreAssertions.strs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.api.Context;
import io.fssdk.api.Driver;
import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.Store;
import io.fssdk.api.StoreIterator;
import io.fssdk.api.spi.StateBackend;
import io.fssdk.api.spi.StoreNames;
import io.fssdk.api.spi.TransactionalStateBackend;
import io.fssdk.runtime.OperatorRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Atomic calls, run through an {@code OperatorRunner} on every {@link TransactionalStateBackend}: the
 * writes of one driver call are read by the call itself (get, list and scan), reach the backend only when
 * the call returns normally, and are dropped entirely when it throws. A backend module subclasses this
 * beside {@link StoreConformanceTest}.
 */
public abstract class BatchConformanceTest {
    /** The backend's name of the operator's store {@code t}: the runner keeps it in its namespace. */
    private static final String T = StoreNames.namespaced("batch", "t");

    /** The backend under test, opened before each test and closed after it. */
    protected StateBackend backend;
    private OperatorRunner runner;
    private Consumer<Store> script = s -> { };

    /** Opens a new, empty transactional backend that may keep its files under {@code dir}. */
    protected abstract StateBackend newBackend(Path dir);

    /** A driver that runs the current script on store "t" in every {@code process} call. */
    private final class ScriptDriver implements Driver {
        private Store store;

        @Override
        public void init(Context ctx, Map<String, String> config) {
            store = ctx.getOrCreateStore("t");
        }

        @Override
        public void process(Context ctx, int sourceId, byte[] data) {
            script.accept(store);
        }
    }

    @BeforeEach
    void open(@TempDir Path dir) {
        backend = newBackend(dir);
        assertTrue(backend instanceof TransactionalStateBackend, "the backend must be transactional");
        runner = OperatorRunner.builder().operatorName("batch").driver(new ScriptDriver()).stateBackend(backend).build();
        runner.init();
    }

    @AfterEach
    void close() {
        runner.close();
        backend.close();
    }

    private void call(Consumer<Store> body) {
        script = body;
        runner.process(0, new byte[0]);
    }

    @Test
    void aCallReadsItsOwnWritesAndOthersSeeThemOnlyAfterItReturns() {
        call(s -> {
            s.putState(b("base"), b("0"));
            s.put(ck("g", "k", "n", "b"), b("B"));
            s.put(ck("g", "k", "n", "d"), b("D"));
            s.merge(ck("g", "k", "n", "m"), b("x"));
        });
        Store outside = backend.openStore(T);
        call(s -> {
            s.putState(b("a"), b("1"));
            s.deleteState(b("base"));
            assertEquals("1", str(s.getState(b("a"))));
            assertEquals("<absent>", str(s.getState(b("base"))));
            assertEquals(List.of("a"), strs(s.listStates(b(""), b(""))));
            s.merge(ck("g", "k", "n", "m"), b("y"));
            s.merge(ck("g", "k", "n", "m"), b("z"));
            assertEquals("xyz", str(s.get(ck("g", "k", "n", "m"))), "a merge appends to the committed value");
            s.deletePrefix(ck("g", "k", "n", "b"));
            s.put(ck("g", "k", "n", "c"), b("C"));
            s.put(ck("g", "k", "n", "bb"), b("BB"));
            assertEquals(List.of("bb", "c", "d", "m"), strs(s.listComplex(b("g"), b("k"), b("n"), b(""), b(""))));
            assertEquals(List.of("bb=BB", "c=C", "d=D", "m=xyz"), scan(s, "g", "k", "n"));
            // Not visible outside the call before it returns.
            assertEquals("0", str(outside.getState(b("base"))));
            assertEquals("<absent>", str(outside.getState(b("a"))));
            assertEquals(List.of("b=B", "d=D", "m=x"), scan(outside, "g", "k", "n"));
        });
        assertEquals("1", str(outside.getState(b("a"))));
        assertEquals("<absent>", str(outside.getState(b("base"))));
        assertEquals(List.of("bb=BB", "c=C", "d=D", "m=xyz"), scan(outside, "g", "k", "n"));
    }

    @Test
    void aFailedCallKeepsNoneOfItsWrites() {
        call(s -> s.putState(b("k"), b("before")));
        SdkException e = assertThrows(SdkException.class, () -> call(s -> {
            s.putState(b("k"), b("during"));
            s.putState(b("new"), b("x"));
            s.merge(ck("g", "k", "n", "m"), b("y"));
            s.deletePrefix(ck("", "", "", ""));
            throw new IllegalStateException("operator failed after writing");
        }));
        assertEquals(ErrorCode.OPERATOR_FAILED, e.code());
        Store s = backend.openStore(T);
        assertEquals("before", str(s.getState(b("k"))));
        assertEquals(List.of("k"), strs(s.listStates(b(""), b(""))));
        assertEquals(List.of(), scan(s, "g", "k", "n"));
        call(t -> assertEquals("before", str(t.getState(b("k"))), "the next call starts from the committed state"));
    }

    @Test
    void aScanIsASnapshotOfTheCallsWritesToo() {
        call(s -> s.put(ck("g", "k", "n", "a"), b("A")));
        call(s -> {
            s.put(ck("g", "k", "n", "b"), b("B"));
            try (StoreIterator it = s.scanComplex(b("g"), b("k"), b("n"))) {
                s.put(ck("g", "k", "n", "c"), b("C"));
                s.delete(ck("g", "k", "n", "a"));
                List<String> seen = new ArrayList<>();
                while (it.hasNext()) {
                    seen.add(entry(it.next()));
                }
                assertEquals(List.of("a=A", "b=B"), seen);
            }
            assertEquals(List.of("b=B", "c=C"), scan(s, "g", "k", "n"));
        });
    }

    /** Random calls against a model: every read inside a call and the committed state after it agree. */
    @Test
    void randomCallsAgreeWithAModel() {
        Random random = new Random(12);
        String[] keys = {"", "a", "ab", "b", "ba", "c"};
        TreeMap<String, String> committedBytes = new TreeMap<>();
        TreeMap<String, String> committedComplex = new TreeMap<>();
        for (int round = 0; round < 80; round++) {
            TreeMap<String, String> bytes = new TreeMap<>(committedBytes);
            TreeMap<String, String> complex = new TreeMap<>(committedComplex);
            boolean fail = random.nextInt(4) == 0;
            int ops = 1 + random.nextInt(12);
            long seed = random.nextLong();
            Consumer<Store> body = s -> {
                Random r = new Random(seed);
                for (int i = 0; i < ops; i++) {
                    String k = keys[r.nextInt(keys.length)];
                    String v = Integer.toString(r.nextInt(100));
                    switch (r.nextInt(11)) {
                        case 0 -> { s.putState(b(k), b(v)); bytes.put(k, v); }
                        case 1 -> { s.deleteState(b(k)); bytes.remove(k); }
                        case 2 -> assertEquals(bytes.getOrDefault(k, "<absent>"), str(s.getState(b(k))));
                        case 3 -> assertEquals(new ArrayList<>(bytes.keySet()), strs(s.listStates(b(""), b(""))));
                        case 4 -> { s.put(ck("g", "k", "n", k), b(v)); complex.put(k, v); }
                        case 5 -> { s.delete(ck("g", "k", "n", k)); complex.remove(k); }
                        case 6 -> { s.merge(ck("g", "k", "n", k), b(v)); complex.merge(k, v, String::concat); }
                        case 7 -> {
                            s.deletePrefix(ck("g", "k", "n", k));
                            complex.keySet().removeIf(x -> x.startsWith(k));
                        }
                        case 8 -> assertEquals(complex.getOrDefault(k, "<absent>"), str(s.get(ck("g", "k", "n", k))));
                        case 9 -> assertEquals(new ArrayList<>(complex.keySet()),
                                strs(s.listComplex(b("g"), b("k"), b("n"), b(""), b(""))));
                        default -> {
                            List<String> expected = new ArrayList<>();
                            complex.forEach((x, y) -> expected.add(x + "=" + y));
                            assertEquals(expected, scan(s, "g", "k", "n"));
                        }
                    }
                }
                if (fail) {
                    throw new IllegalStateException("scripted failure");
                }
            };
            if (fail) {
                assertThrows(SdkException.class, () -> call(body));
            } else {
                call(body);
                committedBytes = bytes;
                committedComplex = complex;
            }
            Store s = backend.openStore(T);
            assertEquals(new ArrayList<>(committedBytes.keySet()), strs(s.listStates(b(""), b(""))), "round " + round);
            List<String> expected = new ArrayList<>();
            committedComplex.forEach((x, y) -> expected.add(x + "=" + y));
            assertEquals(expected, scan(s, "g", "k", "n"), "round " + round);
            for (Map.Entry<String, String> e : committedBytes.entrySet()) {
                assertEquals(e.getValue(), str(s.getState(b(e.getKey()))));
            }
            s.close();
        }
    }
}
