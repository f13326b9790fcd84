package io.fssdk.benchmarks;

import io.fssdk.runtime.OperatorRunner;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * What atomic calls cost the counter, as the benchmark thread's CPU time per record: ATOMIC (the runner's
 * default, one batch per call) against DIRECT (writes straight through, {@link DirectWritesBackend}), on
 * one backend, in blocks of {@code n} records alternating ABBA so that drift hits both alike. The first
 * four rounds warm up; eight are measured.
 *
 * <p>Why not only JMH's throughput: on a machine shared with other work, wall-clock throughput swings with
 * how often the thread is descheduled (several-fold at a load average of 30 on 2 cores), while thread CPU
 * time does not. {@code CounterBenchmark -p writes=ATOMIC,DIRECT} is the JMH measurement of the same thing
 * on a quiet machine.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.fssdk.benchmarks.AtomicWritesCpuCheck NATIVE ROCKSDB 20000</pre>
 */
public final class AtomicWritesCpuCheck {
    private AtomicWritesCpuCheck() {
    }

    /**
     * Runs the comparison and prints one line.
     *
     * @param args engine ({@link Engine}), backend ({@link Backend}), records per block
     */
    public static void main(String[] args) throws Exception {
        Engine engine = Engine.valueOf(args[0]);
        Backend kind = Backend.valueOf(args[1]);
        int n = Integer.parseInt(args[2]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        byte[][] words = Fixtures.words();
        try (Backend.Opened opened = kind.open()) {
            CountingSink sink = new CountingSink();
            OperatorRunner[] runners = {
                Runners.started("atomic", engine.counter().get(), opened.backend(), sink),
                Runners.started("direct", engine.counter().get(), new DirectWritesBackend(opened.backend()), sink)};
            long[] cpu = new long[2];
            for (int round = 0; round < 12; round++) {
                for (int r = 0; r < 2; r++) {
                    int which = round % 2 == 0 ? r : 1 - r;
                    long start = threads.getCurrentThreadCpuTime();
                    for (int i = 0; i < n; i++) {
                        runners[which].process(0, words[i % words.length]);
                    }
                    if (round >= 4) {
                        cpu[which] += threads.getCurrentThreadCpuTime() - start;
                    }
                }
            }
            double atomic = cpu[0] / (8.0 * n);
            double direct = cpu[1] / (8.0 * n);
            System.out.printf("%s on %s: thread CPU per record: atomic %.0f ns, direct %.0f ns, atomic/direct %.3f"
                    + " (sink checksum %d)%n", engine, kind, atomic, direct, atomic / direct, sink.bytes());
            runners[0].close();
            runners[1].close();
        }
    }
}
