package io.fssdk.runtime.wasi.clocks;

import io.fssdk.runtime.wasi.WasiClock;
import io.fssdk.runtime.wasi.io.HostPollable;

/**
 * A pollable that is ready once the monotonic clock reaches an instant. Blocking sleeps through
 * {@link WasiClock#sleep} once, for the time left, so a virtual clock decides how long that takes.
 *
 * @param clock the clock
 * @param when the instant, in the clock's monotonic nanoseconds (unsigned, saturated at {@code 2^63-1})
 */
record Deadline(WasiClock clock, long when) implements HostPollable {
    Deadline {
        if (when < 0) {
            when = Long.MAX_VALUE;  // instants past 2^63 are treated as never reached
        }
    }

    @Override
    public long remainingNanos() {
        return when - clock.monotonicNanos();
    }

    @Override
    public void block() throws InterruptedException {
        long left = remainingNanos();
        if (left > 0) {
            clock.sleep(left);
        }
    }
}
