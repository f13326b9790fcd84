package io.fssdk.api.state;

import io.fssdk.api.Context;
import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.Store;
import io.fssdk.api.Timers;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.BinaryOperator;
import java.util.function.LongSupplier;

/**
 * Builds typed state on a {@link Store}. A factory is immutable: {@link #forKey}, {@link #forCurrentKey},
 * {@link #namespace} and {@link #clock} return new factories, and building state is cheap (no store access).
 *
 * <pre>{@code
 * // in Driver.init:
 * States keyed = States.keyed(ctx, "word-count");           // keyed by the context's current key
 * ValueState<Long> count = keyed.value("count", Codecs.longs());
 * MapState<String, Long> perWindow = keyed.namespace(window).map("counts", Codecs.strings(), Codecs.longs());
 * // in Driver.process, after ctx.setCurrentKey(word) (or the Flink adapter did):
 * count.update(count.value().orElse(0L) + 1);
 * }</pre>
 *
 * <p><b>Scopes.</b> State is <em>plain</em> (one value per state; {@link #of(Store)}), on a
 * <em>namespace</em> (one per namespace, e.g. per window; {@link #namespace}), or <em>keyed</em>: bound to a
 * key ({@link #forKey}) or to the key current at each access ({@link #forCurrentKey}: what the operator or
 * the Flink adapter set with {@link Context#setCurrentKey}). Plain state is keyed state for the empty key.
 *
 * <p><b>Checks when built.</b> A blank name or one containing U+0000, and an unordered codec for map keys
 * or priority-queue elements, throw {@link SdkException} with {@link ErrorCode#CONFIG_INVALID} here, not at
 * the first write.
 *
 * <p>State objects, like the store under them, are used by one thread at a time.
 */
public final class States {
    private static final LongSupplier SYSTEM_CLOCK = System::currentTimeMillis;

    private final Store store;
    private final byte[] fixedKey;
    private final Context keyContext;
    private final byte[] namespace;
    private final LongSupplier clock;

    private States(Store store, byte[] fixedKey, Context keyContext, byte[] namespace, LongSupplier clock) {
        this.store = store;
        this.fixedKey = fixedKey;
        this.keyContext = keyContext;
        this.namespace = namespace;
        this.clock = clock;
    }

    /** Plain state in {@code store}, with the system clock for TTLs. */
    public static States of(Store store) {
        return new States(Objects.requireNonNull(store, "store"), Bytes.EMPTY, null, Bytes.EMPTY, SYSTEM_CLOCK);
    }

    /**
     * Plain state in the operator's store {@code storeName}. TTLs use the context's processing-time clock
     * ({@link Timers#currentProcessingTime()}), which the embedder supplies and the test kit controls, or the
     * system clock when the context has no timer service.
     */
    public static States of(Context ctx, String storeName) {
        Objects.requireNonNull(ctx, "ctx");
        LongSupplier clock;
        try {
            Timers timers = ctx.timers();
            clock = timers::currentProcessingTime;
        } catch (UnsupportedOperationException e) {
            clock = SYSTEM_CLOCK;
        }
        return new States(ctx.getOrCreateStore(storeName), Bytes.EMPTY, null, Bytes.EMPTY, clock);
    }

    /** {@link #of(Context, String)} keyed by the context's current key: {@code of(ctx, storeName).forCurrentKey(ctx)}. */
    public static States keyed(Context ctx, String storeName) {
        return of(ctx, storeName).forCurrentKey(ctx);
    }

    /** This factory, bound to {@code key} (copied). */
    public States forKey(byte[] key) {
        return new States(store, Objects.requireNonNull(key, "key").clone(), null, namespace, clock);
    }

    /**
     * This factory, keyed by {@code ctx}'s current key at each access. Using such state while no key is set
     * throws {@link SdkException} with {@link ErrorCode#STATE_NO_CURRENT_KEY}.
     */
    public States forCurrentKey(Context ctx) {
        return new States(store, null, Objects.requireNonNull(ctx, "ctx"), namespace, clock);
    }

    /** This factory, on namespace {@code namespace} (copied), e.g. an encoded window. */
    public States namespace(byte[] namespace) {
        return new States(store, fixedKey, keyContext, Objects.requireNonNull(namespace, "namespace").clone(), clock);
    }

    /** This factory with another clock for TTLs. */
    public States clock(InstantSource clock) {
        Objects.requireNonNull(clock, "clock");
        return new States(store, fixedKey, keyContext, namespace, clock::millis);
    }

    /** The store state is kept in. */
    public Store store() {
        return store;
    }

    /** A value. */
    public <T> ValueState<T> value(String name, Codec<T> codec) {
        return value(name, codec, null);
    }

    /** A value that expires (with a null {@code ttl}: that never does). */
    public <T> ValueState<T> value(String name, Codec<T> codec, StateTtl ttl) {
        return new StoreValueState<>(scope(name), Objects.requireNonNull(codec, "codec"), ttl);
    }

    /** A list. */
    public <E> ListState<E> list(String name, Codec<E> codec) {
        return list(name, codec, null);
    }

    /** A list whose elements expire one by one (with a null {@code ttl}: never). */
    public <E> ListState<E> list(String name, Codec<E> codec, StateTtl ttl) {
        return new StoreListState<>(scope(name), Objects.requireNonNull(codec, "codec"), ttl);
    }

    /**
     * A map.
     *
     * @throws SdkException {@code CONFIG_INVALID} when {@code keyCodec} is not order-preserving
     */
    public <K, V> MapState<K, V> map(String name, Codec<K> keyCodec, Codec<V> valueCodec) {
        return map(name, keyCodec, valueCodec, null);
    }

    /**
     * A map whose entries expire one by one (with a null {@code ttl}: never).
     *
     * @throws SdkException {@code CONFIG_INVALID} when {@code keyCodec} is not order-preserving
     */
    public <K, V> MapState<K, V> map(String name, Codec<K> keyCodec, Codec<V> valueCodec, StateTtl ttl) {
        StateScope scope = scope(name);
        requireOrdered("map state", name, "key", keyCodec);
        return new StoreMapState<>(scope, keyCodec, Objects.requireNonNull(valueCodec, "valueCodec"), ttl);
    }

    /**
     * A priority queue, smallest element first. It has no TTL (as in Flink).
     *
     * @throws SdkException {@code CONFIG_INVALID} when {@code codec} is not order-preserving
     */
    public <E> PriorityQueueState<E> priorityQueue(String name, Codec<E> codec) {
        StateScope scope = scope(name);
        requireOrdered("priority queue state", name, "element", codec);
        return new StorePriorityQueueState<>(scope, codec);
    }

    /** An aggregating state storing its accumulator with {@code accumulatorCodec}. */
    public <I, A, O> AggregatingState<I, O> aggregating(String name, AggregateFunction<I, A, O> function,
            Codec<A> accumulatorCodec) {
        return aggregating(name, function, accumulatorCodec, null);
    }

    /** An aggregating state whose accumulator expires (with a null {@code ttl}: never). */
    public <I, A, O> AggregatingState<I, O> aggregating(String name, AggregateFunction<I, A, O> function,
            Codec<A> accumulatorCodec, StateTtl ttl) {
        return new StoreAggregatingState<>(
                new StoreValueState<>(scope(name), Objects.requireNonNull(accumulatorCodec, "accumulatorCodec"), ttl),
                Objects.requireNonNull(function, "function"));
    }

    /** A reducing state. */
    public <T> ReducingState<T> reducing(String name, BinaryOperator<T> reduce, Codec<T> codec) {
        return reducing(name, reduce, codec, null);
    }

    /** A reducing state whose value expires (with a null {@code ttl}: never). */
    public <T> ReducingState<T> reducing(String name, BinaryOperator<T> reduce, Codec<T> codec, StateTtl ttl) {
        return new StoreReducingState<>(new StoreValueState<>(scope(name), Objects.requireNonNull(codec, "codec"), ttl),
                Objects.requireNonNull(reduce, "reduce"));
    }

    private StateScope scope(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.indexOf('\u0000') >= 0) {
            throw new SdkException(ErrorCode.CONFIG_INVALID, "state name must be non-blank and free of U+0000, got `"
                    + name.replace("\u0000", "\\u0000") + "`");
        }
        return new StateScope(store, name, fixedKey, keyContext, namespace, clock);
    }

    private static void requireOrdered(String kind, String name, String what, Codec<?> codec) {
        Objects.requireNonNull(codec, what + "Codec");
        if (!codec.isOrderPreserving()) {
            throw new SdkException(ErrorCode.CONFIG_INVALID, kind + " `" + name + "`: the " + what + " codec " + codec
                    + " is not order-preserving; " + what + "s are store keys and must sort like their values"
                    + " (use Codecs: longs, strings, tuples, ...)");
        }
    }
}
