package io.fssdk.runtime.guest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A supervised guest's meters (the processor world's {@code WasmDriver} registers them), registered only when the embedder gives a {@code MeterRegistry}
 * (Micrometer is an optional dependency of the runtime; this class is the only one in the package that
 * uses it, and it is loaded only then). All are tagged {@code operator}:
 *
 * <ul>
 *   <li>{@code fssdk.guest.traps} (counter, tag {@code cause}: trap, deadline, memory-cap,
 *       instantiation, or a host error code): calls into the guest that failed;</li>
 *   <li>{@code fssdk.guest.restarts} (counter, tag {@code cause}, the same causes plus unhealthy):
 *       instances discarded, each replaced by a fresh one on the next call;</li>
 *   <li>{@code fssdk.guest.memory.pages} (gauge): the live instance's linear memory in 64 KiB pages.</li>
 * </ul>
 */
public final class GuestMeters implements GuestEvents {
    private final MeterRegistry registry;
    private final String operator;
    private final Map<String, Counter[]> byCause = new ConcurrentHashMap<>();

    private GuestMeters(MeterRegistry registry, String operator) {
        this.registry = registry;
        this.operator = operator;
    }

    /** Registers the meters; the memory gauge reads {@code supervisor} (held weakly, as Micrometer does). */
    public static GuestMeters register(MeterRegistry registry, String operator) {
        return new GuestMeters(registry, operator);
    }

    /** Starts reporting the supervisor's memory. */
    public void watch(GuestSupervisor<?> supervisor) {
        Gauge.builder("fssdk.guest.memory.pages", supervisor, s -> s.memoryBytes() / 65536.0)
                .description("linear memory of the live guest instance, in 64 KiB pages")
                .tag("operator", operator)
                .register(registry);
    }

    @Override
    public void discarded(String cause) {
        Counter[] c = byCause.computeIfAbsent(cause, k -> new Counter[] {
            Counter.builder("fssdk.guest.traps").description("calls into the guest that failed")
                    .tags("operator", operator, "cause", k).register(registry),
            Counter.builder("fssdk.guest.restarts").description("guest instances discarded and started afresh")
                    .tags("operator", operator, "cause", k).register(registry)});
        if (!cause.equals(UNHEALTHY)) {
            c[0].increment();
        }
        c[1].increment();
    }
}
