package io.fssdk.runtime.wasi.clocks;

import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.component.WitValue;
import io.fssdk.runtime.wasi.WasiClock;
import io.fssdk.runtime.wasi.io.Values;

/**
 * <a href="https://github.com/WebAssembly/wasi-clocks/blob/v0.2.0/wit/wall-clock.wit">{@code wasi:clocks/wall-clock}</a>:
 * {@code now} and {@code resolution} as {@code datetime} records.
 */
public final class WallClock {
    /** The interface name without its version. */
    public static final String INTERFACE = "wasi:clocks/wall-clock";

    private final WasiClock clock;

    /** Creates the interface over a clock. */
    public WallClock(WasiClock clock) {
        this.clock = clock;
    }

    /** {@code record datetime { seconds: u64, nanoseconds: u32 }} for nanoseconds since the epoch. */
    public static WitValue datetime(long epochNanos) {
        return WitValue.record(WitValue.u64(Math.floorDiv(epochNanos, 1_000_000_000L)),
                WitValue.u32((int) Math.floorMod(epochNanos, 1_000_000_000L)));
    }

    /** Defines the interface at {@code version}. */
    public void define(Linker.Builder linker, String version) {
        String iface = INTERFACE + "@" + version;
        linker.function(iface, "now", args -> Values.result(datetime(clock.wallNanos())));
        linker.function(iface, "resolution", args -> Values.result(datetime(Math.max(1_000, clock.resolutionNanos()))));
    }
}
