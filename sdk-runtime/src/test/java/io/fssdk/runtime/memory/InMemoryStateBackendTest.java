package io.fssdk.runtime.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.api.ComplexKey;
import io.fssdk.api.Store;
import io.fssdk.api.StoreEntry;
import io.fssdk.api.StoreIterator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The in-memory backend's own snapshot mechanism (an undo log of pre-images, see
 * {@link InMemorySnapshot}) under a concurrent writer; the conformance suite covers the rest.
 */
class InMemoryStateBackendTest {
    private static final int WRITES = 10_000;

    /** One write of the random workload: 0 put, 1 delete, 2 merge, 3 deletePrefix. */
    private record Op(int kind, String userKey, String value) {
    }

    @Test
    void everyScanSeesExactlyTheWritesBeforeItBegan() throws Exception {
        List<Op> ops = workload(new Random(42));
        AtomicInteger done = new AtomicInteger();
        try (InMemoryStateBackend backend = new InMemoryStateBackend()) {
            Store writerStore = backend.openStore("s");
            Store readerStore = backend.openStore("s");
            ExecutorService writer = Executors.newSingleThreadExecutor();
            try {
                Future<?> writing = writer.submit(() -> {
                    for (Op op : ops) {
                        apply(writerStore, op);
                        done.incrementAndGet();
                        // Give the reader a turn often, so that many scans overlap many writes.
                        Thread.yield();
                    }
                });
                TreeMap<String, String> base = new TreeMap<>();
                int[] baseCount = {0};
                int scans = 0;
                while (!writing.isDone() || scans == 0) {
                    int before = done.get();
                    StoreIterator it = readerStore.scanComplex(b("g"), b("k"), b("n"));
                    int after = done.get();
                    List<String> seen = new ArrayList<>();
                    while (it.hasNext()) {
                        StoreEntry e = it.next();
                        seen.add(new String(e.userKey(), StandardCharsets.UTF_8) + "=" + new String(e.value(), StandardCharsets.UTF_8));
                        Thread.yield();
                    }
                    it.close();
                    assertTrue(matchesSomePrefix(ops, base, baseCount, before, after + 1, seen),
                            "scan " + scans + " between writes " + before + " and " + after + " saw " + seen);
                    scans++;
                }
                writing.get(1, TimeUnit.MINUTES);
            } finally {
                writer.shutdownNow();
            }
            assertEquals(model(ops, WRITES), scanAll(readerStore));
        }
    }

    private static List<Op> workload(Random random) {
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < WRITES; i++) {
            int kind = random.nextInt(20) == 0 ? 3 : random.nextInt(3);
            String userKey = kind == 3 ? Integer.toString(random.nextInt(2)) : String.format("%02d", random.nextInt(16));
            ops.add(new Op(kind, userKey, Integer.toString(i)));
        }
        return ops;
    }

    private static void apply(Store store, Op op) {
        ComplexKey key = new ComplexKey(b("g"), b("k"), b("n"), b(op.userKey()));
        switch (op.kind()) {
            case 0 -> store.put(key, b(op.value()));
            case 1 -> store.delete(key);
            case 2 -> store.merge(key, b("+" + op.value()));
            default -> store.deletePrefix(key);
        }
    }

    /**
     * Whether {@code seen} is the state after the first k writes for some k in [from, to]. {@code base}
     * holds the state after {@code baseCount[0]} writes and is advanced to {@code from}, which never
     * decreases, so the whole test replays the workload about once.
     */
    private static boolean matchesSomePrefix(List<Op> ops, TreeMap<String, String> base, int[] baseCount, int from,
            int to, List<String> seen) {
        for (; baseCount[0] < from; baseCount[0]++) {
            applyToModel(base, ops.get(baseCount[0]));
        }
        TreeMap<String, String> state = new TreeMap<>(base);
        for (int i = from; i < Math.min(to, ops.size()); i++) {
            if (render(state).equals(seen)) {
                return true;
            }
            applyToModel(state, ops.get(i));
        }
        return render(state).equals(seen);
    }

    private static List<String> model(List<Op> ops, int count) {
        TreeMap<String, String> state = new TreeMap<>();
        ops.subList(0, count).forEach(op -> applyToModel(state, op));
        return render(state);
    }

    private static void applyToModel(TreeMap<String, String> state, Op op) {
        switch (op.kind()) {
            case 0 -> state.put(op.userKey(), op.value());
            case 1 -> state.remove(op.userKey());
            case 2 -> state.merge(op.userKey(), "+" + op.value(), String::concat);
            default -> state.keySet().removeIf(k -> k.startsWith(op.userKey()));
        }
    }

    private static List<String> render(TreeMap<String, String> state) {
        List<String> out = new ArrayList<>();
        state.forEach((k, v) -> out.add(k + "=" + v));
        return out;
    }

    private static List<String> scanAll(Store store) {
        List<String> out = new ArrayList<>();
        try (StoreIterator it = store.scanComplex(b("g"), b("k"), b("n"))) {
            while (it.hasNext()) {
                StoreEntry e = it.next();
                out.add(new String(e.userKey(), StandardCharsets.UTF_8) + "=" + new String(e.value(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
