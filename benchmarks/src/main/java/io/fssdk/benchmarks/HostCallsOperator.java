package io.fssdk.benchmarks;

import io.fssdk.api.Context;
import io.fssdk.api.Driver;
import io.fssdk.api.Store;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The native Java twin of {@code benchmarks/guests/host-calls.c}: the input {@code g<N>} makes N
 * get-state calls and {@code p<N>} N put-state calls, on one 8-byte key written at init, in store
 * {@code host-calls}; anything else does nothing. It is the "native Java" column of the host-call peer
 * workloads, so a reader sees what the same store calls cost without a sandbox.
 */
public final class HostCallsOperator implements Driver {
    private static final byte[] KEY = "benchkey".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VALUE = "12345678".getBytes(StandardCharsets.US_ASCII);
    private Store store;

    /** A driver that opens its store at init. */
    public HostCallsOperator() {
    }

    @Override
    public void init(Context ctx, Map<String, String> config) {
        store = ctx.getOrCreateStore("host-calls");
        store.putState(KEY, VALUE);
    }

    @Override
    public void process(Context ctx, int sourceId, byte[] data) {
        byte op = data.length == 0 ? (byte) 'e' : data[0];
        int count = 0;
        for (int i = 1; i < data.length && data[i] >= '0' && data[i] <= '9'; i++) {
            count = count * 10 + (data[i] - '0');
        }
        if (op == 'g') {
            for (int i = 0; i < count; i++) {
                // The guest traps when the key is missing; fail just as loudly.
                store.getState(KEY).orElseThrow();
            }
        } else if (op == 'p') {
            for (int i = 0; i < count; i++) {
                store.putState(KEY, VALUE);
            }
        }
    }
}
