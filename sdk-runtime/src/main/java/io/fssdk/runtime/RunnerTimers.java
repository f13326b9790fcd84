package io.fssdk.runtime;

import io.fssdk.api.ComplexKey;
import io.fssdk.api.Context;
import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.Store;
import io.fssdk.api.StoreEntry;
import io.fssdk.api.StoreIterator;
import io.fssdk.api.TimeDomain;
import io.fssdk.api.Timer;
import io.fssdk.api.TimerDriver;
import io.fssdk.api.Timers;
import java.io.ByteArrayOutputStream;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link Timers} of one runner. Timers are entries of the store {@value Timers#STORE_PREFIX} + the
 * operator's name: key group
 * {@code "event"} or {@code "processing"}, user key = the timestamp (8 bytes, big-endian, sign flipped) then
 * the timer's four key parts, each escaped and terminated as in {@link io.fssdk.api.spi.KeyCodec}. So the
 * store keeps them in firing order, the same timer registered twice is one entry, and a backend checkpoint
 * holds them like any state.
 */
final class RunnerTimers implements Timers {
    private static final byte[] EMPTY = new byte[0];
    private static final byte[] EVENT = {'e', 'v', 'e', 'n', 't'};
    private static final byte[] PROCESSING = {'p', 'r', 'o', 'c', 'e', 's', 's', 'i', 'n', 'g'};

    private final String operatorName;
    private final RunnerContext context;
    private final InstantSource clock;
    /** The driver when it can receive timers, else null: registering then fails, firing does nothing. */
    private final TimerDriver receiver;
    private final String storeName;
    private long watermark = Long.MIN_VALUE;

    RunnerTimers(String operatorName, RunnerContext context, InstantSource clock, TimerDriver receiver) {
        this.operatorName = operatorName;
        this.context = context;
        this.clock = clock;
        this.receiver = receiver;
        this.storeName = STORE_PREFIX + operatorName;
    }

    @Override
    public void registerEventTimeTimer(ComplexKey key, long timestamp) {
        register(TimeDomain.EVENT_TIME, key, timestamp);
    }

    @Override
    public void deleteEventTimeTimer(ComplexKey key, long timestamp) {
        store().delete(storageKey(TimeDomain.EVENT_TIME, key, timestamp));
    }

    @Override
    public void registerProcessingTimeTimer(ComplexKey key, long timestamp) {
        register(TimeDomain.PROCESSING_TIME, key, timestamp);
    }

    @Override
    public void deleteProcessingTimeTimer(ComplexKey key, long timestamp) {
        store().delete(storageKey(TimeDomain.PROCESSING_TIME, key, timestamp));
    }

    @Override
    public long currentWatermark() {
        return watermark;
    }

    @Override
    public long currentProcessingTime() {
        return clock.millis();
    }

    /** Raises the watermark to {@code to} (it never goes back) and fires the event-time timers now due. */
    void advanceWatermark(long to) throws Exception {
        if (to > watermark) {
            watermark = to;
        }
        fireDue(TimeDomain.EVENT_TIME, watermark);
    }

    /** Fires the processing-time timers due at the clock's current time. */
    void advanceProcessingTime() throws Exception {
        fireDue(TimeDomain.PROCESSING_TIME, clock.millis());
    }

    /** The timers of {@code domain} not yet fired, in firing order. */
    List<Timer> pending(TimeDomain domain) {
        List<Timer> out = new ArrayList<>();
        try (StoreIterator it = store().scanComplex(group(domain), EMPTY, EMPTY)) {
            while (it.hasNext()) {
                out.add(decode(domain, it.next().userKey()));
            }
        }
        return out;
    }

    private void register(TimeDomain domain, ComplexKey key, long timestamp) {
        Objects.requireNonNull(key, "key");
        if (receiver == null) {
            throw new SdkException(ErrorCode.RUNTIME_INVALID_DRIVER, "the driver registered a timer but does not"
                    + " implement TimerDriver, so it could never receive it", operatorName, null, null);
        }
        store().put(storageKey(domain, key, timestamp), EMPTY);
    }

    /**
     * Fires the due timers of {@code domain} one at a time, earliest first. Each is deleted before its
     * callback runs, so a callback that fails does not fire again; a timer a callback registers that is
     * already due fires in this same round, since every round re-reads the first timer.
     */
    private void fireDue(TimeDomain domain, long until) throws Exception {
        if (receiver == null) {
            return;
        }
        Store store = store();
        byte[] group = group(domain);
        while (true) {
            StoreEntry first;
            try (StoreIterator it = store.scanComplex(group, EMPTY, EMPTY)) {
                if (!it.hasNext()) {
                    return;
                }
                first = it.next();
            }
            byte[] userKey = first.userKey();
            Timer timer = decode(domain, userKey);
            if (timer.timestamp() > until) {
                return;
            }
            store.delete(new ComplexKey(group, EMPTY, EMPTY, userKey));
            Optional<byte[]> previousKey = context.currentKey();
            context.setCurrentKey(timer.key().key());
            try {
                receiver.onTimer(context, timer);
            } finally {
                context.setCurrentKey(previousKey.orElse(null));
            }
        }
    }

    private Store store() {
        return context.getOrCreateStore(storeName);
    }

    private static byte[] group(TimeDomain domain) {
        return domain == TimeDomain.EVENT_TIME ? EVENT : PROCESSING;
    }

    private static ComplexKey storageKey(TimeDomain domain, ComplexKey key, long timestamp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(48);
        long ordered = timestamp ^ Long.MIN_VALUE;
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (ordered >>> shift));
        }
        writePart(out, key.keyGroup());
        writePart(out, key.key());
        writePart(out, key.namespace());
        writePart(out, key.userKey());
        return new ComplexKey(group(domain), EMPTY, EMPTY, out.toByteArray());
    }

    private Timer decode(TimeDomain domain, byte[] userKey) {
        try {
            long ordered = 0;
            for (int i = 0; i < 8; i++) {
                ordered = (ordered << 8) | (userKey[i] & 0xFF);
            }
            int[] at = {8};
            byte[] keyGroup = readPart(userKey, at);
            byte[] key = readPart(userKey, at);
            byte[] namespace = readPart(userKey, at);
            byte[] user = readPart(userKey, at);
            return new Timer(domain, ordered ^ Long.MIN_VALUE, new ComplexKey(keyGroup, key, namespace, user));
        } catch (RuntimeException e) {
            throw new SdkException(ErrorCode.STORE_INTERNAL, "store `" + storeName + "` holds a timer entry that"
                    + " cannot be decoded", operatorName, null, e);
        }
    }

    /** Escapes 0x00 as 0x00 0xFF and terminates with 0x00 0x01: prefix-free and order-preserving. */
    private static void writePart(ByteArrayOutputStream out, byte[] part) {
        for (byte b : part) {
            out.write(b);
            if (b == 0) {
                out.write(0xFF);
            }
        }
        out.write(0);
        out.write(1);
    }

    private static byte[] readPart(byte[] in, int[] at) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = at[0];
        while (true) {
            byte b = in[i++];
            if (b == 0) {
                byte next = in[i++];
                if (next == 1) {
                    break;
                }
                if (next != (byte) 0xFF) {
                    throw new IllegalArgumentException("bad escape in timer key");
                }
            }
            out.write(b);
        }
        at[0] = i;
        return out.toByteArray();
    }
}
