package io.fssdk.runtime.wasi.clocks;

import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.component.WitValue;
import io.fssdk.runtime.wasi.WasiClock;
import io.fssdk.runtime.wasi.io.Poll;
import io.fssdk.runtime.wasi.io.Values;

/**
 * <a href="https://github.com/WebAssembly/wasi-clocks/blob/v0.2.0/wit/monotonic-clock.wit">{@code wasi:clocks/monotonic-clock}</a>:
 * {@code now}, {@code resolution}, and pollables that become ready at an instant or after a duration.
 */
public final class MonotonicClock {
    /** The interface name without its version. */
    public static final String INTERFACE = "wasi:clocks/monotonic-clock";

    private final Poll poll;
    private final WasiClock clock;

    /** Creates the interface over a clock, handing out pollables of {@code poll}. */
    public MonotonicClock(Poll poll, WasiClock clock) {
        this.poll = poll;
        this.clock = clock;
    }

    /** Defines the interface at {@code version}. */
    public void define(Linker.Builder linker, String version) {
        String iface = INTERFACE + "@" + version;
        linker.function(iface, "now", args -> Values.result(WitValue.u64(clock.monotonicNanos())));
        linker.function(iface, "resolution", args -> Values.result(WitValue.u64(clock.resolutionNanos())));
        linker.function(iface, "subscribe-instant",
                args -> Values.result(poll.own(new Deadline(clock, Values.u64(args, 0)))));
        linker.function(iface, "subscribe-duration", args -> {
            long duration = Values.u64(args, 0);
            long now = clock.monotonicNanos();
            // Saturate: a duration of 2^64-1 means "never", not an instant in the past.
            long when = duration < 0 || now + duration < now ? Long.MAX_VALUE : now + duration;
            return Values.result(poll.own(new Deadline(clock, when)));
        });
    }
}
