package io.fssdk.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler ({@code -prof io.fssdk.benchmarks.CpuTimeProfiler}) that reports the benchmark JVM's CPU
 * time per operation (all its threads: the benchmark's, RocksDB's background threads, the JIT). On a
 * machine shared with other work, throughput swings with how often the benchmark thread is descheduled;
 * CPU time per operation does not, so comparing two variants by it is fairer there.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    private long cpuStart;
    private long wallStart;

    /** Created by JMH. */
    public CpuTimeProfiler() {
    }

    @Override
    public String getDescription() {
        return "process CPU time per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuStart = cpuNanos();
        wallStart = System.nanoTime();
    }

    @Override
    @SuppressWarnings("rawtypes") // JMH's own signature uses the raw Result type
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long cpu = cpuNanos() - cpuStart;
        double seconds = (System.nanoTime() - wallStart) / 1e9;
        // Throughput mode: ops/s times the iteration's length is the number of operations.
        double ops = result.getPrimaryResult().getScore() * seconds;
        return List.of(new ScalarResult("cpu.ns/op", ops > 0 ? cpu / ops : Double.NaN, "ns/op", AggregationPolicy.AVG));
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
