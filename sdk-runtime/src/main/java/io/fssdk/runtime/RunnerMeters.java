package io.fssdk.runtime;

import io.fssdk.api.SdkException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * An {@link OperatorRunner}'s meters, registered only when the embedder gives a {@code MeterRegistry}
 * (Micrometer is an optional dependency; this is the only class of the package that uses it and it is
 * loaded only then). All are tagged {@code operator}:
 *
 * <ul>
 *   <li>{@code fssdk.records.in} (counter, tag {@code source}): records given to {@code process};</li>
 *   <li>{@code fssdk.records.out} (counter, tag {@code target}): records the operator emitted;</li>
 *   <li>{@code fssdk.process} (timer with the 0.5, 0.95 and 0.99 percentiles): the time of each
 *       {@code process} call;</li>
 *   <li>{@code fssdk.operator.failures} (counter, tags {@code step} and {@code code}): failed steps;</li>
 *   <li>{@code fssdk.checkpoint} (timer): each {@code takeCheckpoint}, the operator's and the backend's
 *       part together.</li>
 * </ul>
 *
 * <p>Confined to the runner's thread, like the runner; the meters themselves are thread-safe for readers.
 */
final class RunnerMeters {
    private final MeterRegistry registry;
    private final String operator;
    private final Timer process;
    private final Timer checkpoint;
    private Counter[] in = new Counter[0];
    private Counter[] out = new Counter[0];

    RunnerMeters(MeterRegistry registry, String operator) {
        this.registry = registry;
        this.operator = operator;
        this.process = Timer.builder("fssdk.process").description("time of each process call")
                .tag("operator", operator).publishPercentiles(0.5, 0.95, 0.99).register(registry);
        this.checkpoint = Timer.builder("fssdk.checkpoint").description("time of each checkpoint")
                .tag("operator", operator).register(registry);
    }

    void processed(int sourceId, long nanos) {
        counter(sourceId, true).increment();
        process.record(nanos, TimeUnit.NANOSECONDS);
    }

    void checkpointed(long nanos) {
        checkpoint.record(nanos, TimeUnit.NANOSECONDS);
    }

    void failed(String step, SdkException e) {
        Counter.builder("fssdk.operator.failures").description("failed operator steps")
                .tags("operator", operator, "step", step, "code", e.code().name().toLowerCase(Locale.ROOT))
                .register(registry).increment();
    }

    /** The sink, counting each record at its target first. */
    OutputSink counting(OutputSink sink) {
        return (targetId, data) -> {
            counter(targetId, false).increment();
            sink.emit(targetId, data);
        };
    }

    /** The counter of a source or target id; ids are small and dense in practice, so an array. */
    private Counter counter(int id, boolean isIn) {
        Counter[] a = isIn ? in : out;
        if (id >= 0 && id < a.length && a[id] != null) {
            return a[id];
        }
        Counter c = Counter.builder(isIn ? "fssdk.records.in" : "fssdk.records.out")
                .description(isIn ? "records given to the operator" : "records the operator emitted")
                .tags("operator", operator, isIn ? "source" : "target", Integer.toUnsignedString(id))
                .register(registry);
        if (id >= 0 && id < 1024) { // beyond that, Micrometer's own lookup (ids that large are unusual)
            if (id >= a.length) {
                a = Arrays.copyOf(a, id + 1);
                if (isIn) {
                    in = a;
                } else {
                    out = a;
                }
            }
            a[id] = c;
        }
        return c;
    }
}
