package io.fssdk.flink;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.Store;
import io.fssdk.api.spi.StateBackend;
import io.fssdk.api.spi.StoreNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.flink.api.common.state.KeyedStateStore;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * A {@link StateBackend} whose stores live in Flink keyed state, so Flink's checkpoints, restores and
 * rescaling cover an operator's state with Flink's exactly-once guarantees. It is what
 * {@link FlinkOperator} runs drivers on; an application that drives an {@code OperatorRunner} from its
 * own keyed function can use it directly with {@link #of(KeyedStateStore)}.
 *
 * <p><b>Layout.</b> Each store is one Flink {@link MapState} named {@code fssdk-store/<name>} (see
 * {@link #descriptor}); on Flink's RocksDB backend that is one column family per store, as in our own
 * RocksDB backend. Its map keys are the storage keys of {@link io.fssdk.api.spi.KeyCodec} (tagged byte-key
 * and complex-key spaces), carried as ISO-8859-1 strings: one char per byte, so {@code String} equality is
 * byte equality and {@code String.compareTo} is unsigned byte order. Not {@code byte[]} keys: Flink's heap
 * backend keeps a map state in a {@code HashMap}, where arrays hash by identity, so a {@code byte[]} key
 * written by one call is never found by the next (and never after a restore).
 *
 * <p><b>Isolation between operators.</b> Flink gives every operator its own keyed state backend,
 * registered under the operator's id (its uid), and state names are resolved within it: two operators of one
 * job that both use the store {@code counter-store} get two independent {@code MapState}s. So this backend
 * {@linkplain #scopedToOneOperator() belongs to one operator}, and the runner opens stores under their bare
 * names, with no {@code @namespace/} prefix: the state names stay {@code fssdk-store/<name>} as in earlier
 * releases, savepoints taken before namespaces existed restore unchanged, and nothing needs migrating.
 * Sharing a store between Flink operators is not possible (Flink state is never shared across operators);
 * a runner that declares a shared store on this backend is refused.
 *
 * <p><b>Key semantics.</b> Flink keys state by the key of the record being processed: each Flink key
 * sees its own contents of every store, and rescaling moves them with the key. A {@code ComplexKey}'s own
 * {@code key} part is independent of the Flink key; it only orders and separates entries within the
 * Flink key's store.
 *
 * <p><b>Ordering and ranges.</b> Flink's {@code MapState} offers point access and a full iteration of one
 * Flink key's map, with no order (heap: hash order; RocksDB: serialized-key order) and no seek. So
 * {@code listStates}, {@code listComplex}, {@code scanComplex} and {@code deletePrefix} iterate the Flink
 * key's whole map for that store, keep what falls in the range, and sort it: O(n) in the entries under
 * the current Flink key plus O(m log m) in the matches. A scan's snapshot is the sorted copy of its
 * matches, taken when it starts (so it holds those matches in memory; Flink has no snapshot iterator).
 * {@code deletePrefix} removes matches one by one (Flink has no range delete). This is the honest cost of
 * living in Flink state: keep per-key namespaces small, or use point access, on hot paths. Point operations
 * ({@code get}/{@code put}/{@code delete}/{@code merge}) are one map-state access each.
 *
 * <p><b>Outside a record.</b> Keyed state is only reachable while a Flink key is set. Inside a
 * {@link FlinkOperator} that is while a record is processed: a store used in {@code init},
 * {@code processWatermark}, {@code takeCheckpoint} or {@code close} raises {@link ErrorCode#STORE_INTERNAL}
 * saying so, instead of touching whichever key Flink last saw. Opening a store handle is always allowed.
 *
 * <p><b>Threads.</b> Flink calls an operator from one thread; the backend's bookkeeping is thread-safe
 * anyway, as the SPI asks.
 */
public final class FlinkStateBackend implements StateBackend {
    /** Prefix of the Flink state name of every store. */
    public static final String STATE_NAME_PREFIX = "fssdk-store/";

    private final KeyedStateStore keyedState;
    private final BooleanSupplier keyInScope;
    private final Map<String, MapState<String, byte[]>> states = new ConcurrentHashMap<>();
    private final Set<FlinkStore> openStores = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    private FlinkStateBackend(KeyedStateStore keyedState, BooleanSupplier keyInScope) {
        this.keyedState = Objects.requireNonNull(keyedState, "keyedState");
        this.keyInScope = Objects.requireNonNull(keyInScope, "keyInScope");
    }

    /**
     * A backend over a keyed state store (e.g. {@code getRuntimeContext()} of a keyed rich function, which
     * is a {@link KeyedStateStore}). The caller makes sure a Flink key is set whenever store contents are
     * read or written; Flink itself fails otherwise.
     */
    public static FlinkStateBackend of(KeyedStateStore keyedState) {
        return new FlinkStateBackend(keyedState, () -> true);
    }

    /** A backend whose stores refuse data access while {@code keyInScope} answers false. */
    static FlinkStateBackend scoped(KeyedStateStore keyedState, BooleanSupplier keyInScope) {
        return new FlinkStateBackend(keyedState, keyInScope);
    }

    /**
     * The Flink state descriptor of the store with this (normalised) name: a
     * {@code MapState<String, byte[]>} named {@value #STATE_NAME_PREFIX}{@code <name>}. Useful to read a
     * savepoint with Flink's State Processor API.
     */
    public static MapStateDescriptor<String, byte[]> descriptor(String storeName) {
        return new MapStateDescriptor<>(STATE_NAME_PREFIX + StoreNames.normalize(storeName), Types.STRING,
                PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
    }

    @Override
    public Store openStore(String name) {
        String normalised = StoreNames.normalize(name);
        ensureOpen(normalised);
        MapState<String, byte[]> state = states.computeIfAbsent(normalised,
                n -> keyedState.getMapState(descriptor(n)));
        FlinkStore store = new FlinkStore(normalised, state, this);
        openStores.add(store);
        // A close racing this open must not leave the new handle usable.
        if (closed.get()) {
            store.close();
            throw closedError(normalised);
        }
        return store;
    }

    /** Always {@code true}: Flink scopes keyed state to its operator (see the class docs). */
    @Override
    public boolean scopedToOneOperator() {
        return true;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        RuntimeException failure = null;
        for (FlinkStore store : new ArrayList<>(openStores)) {
            try {
                store.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        openStores.clear();
        states.clear();
        if (failure != null) {
            throw failure;
        }
    }

    /** Whether {@link #close()} was called. */
    boolean isClosed() {
        return closed.get();
    }

    /** Called by a store before it touches keyed state. */
    void ensureKeyInScope(String storeName) {
        if (!keyInScope.getAsBoolean()) {
            throw new SdkException(ErrorCode.STORE_INTERNAL, "store `" + storeName
                    + "`: no Flink key is in scope; keyed state is reachable while a record is processed, not in"
                    + " init, processWatermark, takeCheckpoint or close");
        }
    }

    /** Called by a store when it closes. */
    void forget(FlinkStore store) {
        openStores.remove(store);
    }

    private void ensureOpen(String storeName) {
        if (closed.get()) {
            throw closedError(storeName);
        }
    }

    static SdkException closedError(String storeName) {
        return new SdkException(ErrorCode.RUNTIME_CLOSED, "store `" + storeName + "` used after it was closed");
    }

    @Override
    public String toString() {
        return "FlinkStateBackend[" + states.keySet() + (closed.get() ? ", closed]" : "]");
    }
}
