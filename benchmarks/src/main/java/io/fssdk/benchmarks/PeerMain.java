package io.fssdk.benchmarks;

import io.fssdk.runtime.OperatorRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Our half of the peer comparison ({@code benchmarks/peer/run.sh}): the counter component on the
 * in-memory backend, counting the same 100 words in the same order as {@code bench.mjs} does on jco,
 * measured the same way: a warm-up, then one-second windows, reporting the median window. It prints
 * {@code RATE <name> <median> <min> <max>} for the script to compare.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.fssdk.benchmarks.PeerMain [warmupSeconds] [windows] [engine]}
 */
public final class PeerMain {
    private PeerMain() {
    }

    /** Runs the measurement and prints the rate line. */
    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int windows = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Engine engine = args.length > 2 ? Engine.valueOf(args[2]) : Engine.WASM_COMPILER;
        byte[][] words = Fixtures.words();
        CountingSink sink = new CountingSink();
        try (Backend.Opened opened = Backend.MEMORY.open();
             OperatorRunner runner = Runners.started("counter", engine.counter().get(), opened.backend(), sink)) {
            int[] next = {0};
            Runnable one = () -> {
                runner.process(0, words[next[0]]);
                next[0] = next[0] + 1 == words.length ? 0 : next[0] + 1;
            };
            window(one, warmup * 1_000_000_000L);
            List<Double> rates = new ArrayList<>();
            for (int i = 0; i < windows; i++) {
                rates.add(window(one, 1_000_000_000L));
            }
            Samples s = Samples.of(rates);
            System.out.printf(Locale.ROOT, "RATE fssdk-%s %.0f %.0f %.0f%n", engine.name().toLowerCase(Locale.ROOT),
                    s.median(), s.min(), s.max());
        }
        if (sink.bytes() == 0) {
            throw new IllegalStateException("the counter emitted nothing");
        }
    }

    /** Runs records for {@code nanos}, checking the clock every 64 records; returns records per second. */
    private static double window(Runnable one, long nanos) {
        long start = System.nanoTime();
        long end = start + nanos;
        long count = 0;
        long now;
        do {
            for (int i = 0; i < 64; i++) {
                one.run();
            }
            count += 64;
            now = System.nanoTime();
        } while (now < end);
        return count * 1e9 / (now - start);
    }
}
