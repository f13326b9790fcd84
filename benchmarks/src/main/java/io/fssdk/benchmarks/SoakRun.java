package io.fssdk.benchmarks;

import io.fssdk.api.Store;
import io.fssdk.api.spi.StoreNames;
import io.fssdk.runtime.OperatorRunner;
import io.fssdk.runtime.component.Component;
import io.fssdk.runtime.processor.WasmDriver;
import io.fssdk.store.rocksdb.RocksDBStateBackend;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak of issue 13 ({@code scripts/soak.sh}): N copies of the C counter component, each on its own
 * thread, process M records each on one shared RocksDB backend, and every R records each operator is
 * restarted (its runner and guest instance closed, a new one built and initialised on the same stores).
 * Each operator counts under its own {@code key_prefix}, so at the end every word must have been counted
 * exactly M / 100 times by every operator.
 *
 * <p>It samples what leaks would show: open file descriptors, resident set size, live heap after a GC and
 * live threads, once when every operator has finished its first restart cycle (the baseline: everything
 * is loaded and compiled by then) and once at the end, after the runners closed. It exits 1 when a count is
 * wrong or a figure grew past its bound ({@link Sample#grewPast}), so it can gate a release.
 */
public final class SoakRun {
    private final int operators;
    private final long records;
    private final int restartEvery;
    private final AtomicLong processed = new AtomicLong();

    private SoakRun(int operators, long records, int restartEvery) {
        this.operators = operators;
        this.records = records;
        this.restartEvery = restartEvery;
    }

    /**
     * {@code SoakRun [operators] [records per operator] [restart every]}, default 8, 1,000,000 and 10,000.
     * The RocksDB directory is a fresh temporary one, deleted at the end.
     */
    public static void main(String[] args) throws Exception {
        int operators = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        long records = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        int restartEvery = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        if (records % 100 != 0 || records < 2L * restartEvery) {
            throw new IllegalArgumentException("records must be a multiple of 100 and at least two restart cycles");
        }
        System.exit(new SoakRun(operators, records, restartEvery).run() ? 0 : 1);
    }

    private boolean run() throws Exception {
        Path dir = Files.createTempDirectory("fssdk-soak");
        byte[][] words = Fixtures.words();
        Component counter = Component.load(Fixtures.counterComponent()).compile();
        System.out.printf("soak: %d operators x %,d records, a restart every %,d records, RocksDB in %s%n",
                operators, records, restartEvery, dir);
        Sample before;
        Sample after;
        long started = System.nanoTime();
        boolean countsRight;
        try (RocksDBStateBackend backend = RocksDBStateBackend.open(dir.resolve("db"))) {
            ExecutorService pool = Executors.newFixedThreadPool(operators);
            List<Future<?>> done = new ArrayList<>();
            CountDownLatch firstCycle = new CountDownLatch(operators);
            CountDownLatch baselineTaken = new CountDownLatch(1);
            for (int op = 0; op < operators; op++) {
                int id = op;
                done.add(pool.submit(() -> {
                    operate(id, counter, backend, words, firstCycle, baselineTaken);
                    return null;
                }));
            }
            firstCycle.await();
            before = Sample.take();
            baselineTaken.countDown();
            System.out.println("baseline  " + before);
            long baselineRecords = processed.get();
            long baselineNanos = System.nanoTime();
            while (!allDone(done)) {
                TimeUnit.SECONDS.sleep(10);
                long n = processed.get();
                System.out.printf("progress  %,d of %,d records, %s%n", n, operators * records, Sample.take());
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            double seconds = (System.nanoTime() - baselineNanos) / 1e9;
            System.out.printf("rate      %,.0f records/s after the baseline (%,.0f s in all)%n",
                    (processed.get() - baselineRecords) / seconds, (System.nanoTime() - started) / 1e9);
            countsRight = checkCounts(backend, words);
            after = Sample.take();
        } finally {
            deleteTree(dir);
        }
        System.out.println("end       " + after);
        Optional<String> grew = after.grewPast(before, operators);
        grew.ifPresent(g -> System.out.println("FAILED: " + g));
        if (countsRight && grew.isEmpty()) {
            System.out.println("PASSED: every count exact; no figure grew past its bound");
        }
        return countsRight && grew.isEmpty();
    }

    private void operate(int id, Component counter, RocksDBStateBackend backend, byte[][] words,
            CountDownLatch firstCycle, CountDownLatch baselineTaken)
            throws InterruptedException {
        OperatorRunner runner = null;
        try {
            for (long r = 0; r < records; r++) {
                if (r % restartEvery == 0) {
                    if (runner != null) {
                        runner.close();
                    }
                    if (r == restartEvery) {
                        firstCycle.countDown();
                        baselineTaken.await();
                    }
                    runner = start(id, counter, backend);
                }
                runner.process(0, words[(int) (r % words.length)]);
                processed.incrementAndGet();
            }
        } finally {
            if (runner != null) {
                runner.close();
            }
        }
    }

    private static OperatorRunner start(int id, Component counter, RocksDBStateBackend backend) {
        WasmDriver driver = WasmDriver.builder().component(counter).operatorName("soak-" + id).build();
        OperatorRunner runner = OperatorRunner.builder().operatorName("soak-" + id).driver(driver)
                .stateBackend(backend).config("key_prefix", prefix(id)).outputSink((target, data) -> { }).build();
        runner.init();
        return runner;
    }

    private boolean checkCounts(RocksDBStateBackend backend, byte[][] words) {
        String expected = Long.toString(records / words.length);
        int wrong = 0;
        for (int id = 0; id < operators; id++) {
            // Each operator counts in its own namespace (issue 13); the key prefix is kept all the same.
            try (Store store = backend.openStore(StoreNames.namespaced("soak-" + id, "counter-store"))) {
                for (byte[] word : words) {
                    byte[] key = (prefix(id) + new String(word, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                    String got = store.getState(key).map(v -> new String(v, StandardCharsets.US_ASCII)).orElse("absent");
                    if (!got.equals(expected) && wrong++ < 5) {
                        System.out.printf("FAILED: operator %d counted `%s` %s times, expected %s%n", id,
                                new String(word, StandardCharsets.UTF_8), got, expected);
                    }
                }
            }
        }
        System.out.printf("counts    %d operators x %d words: %s%n", operators, words.length,
                wrong == 0 ? "all exactly " + expected : wrong + " wrong");
        return wrong == 0;
    }

    private static String prefix(int id) {
        return "op" + id + ":";
    }

    private static boolean allDone(List<Future<?>> futures) {
        return futures.stream().allMatch(Future::isDone);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
