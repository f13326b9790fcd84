package io.fssdk.runtime.processor;

import static io.fssdk.runtime.processor.KvTypes.BYTES;
import static io.fssdk.runtime.processor.KvTypes.COMPLEX_KEY;
import static io.fssdk.runtime.processor.KvTypes.KEY_LIST_RESULT;
import static io.fssdk.runtime.processor.KvTypes.KV;
import static io.fssdk.runtime.processor.KvTypes.OPTIONAL_BYTES_RESULT;
import static io.fssdk.runtime.processor.KvTypes.UNIT_RESULT;

import io.fssdk.api.ComplexKey;
import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.api.Store;
import io.fssdk.api.StoreEntry;
import io.fssdk.api.StoreIterator;
import io.fssdk.api.spi.StoreNames;
import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.component.RawFrame;
import io.fssdk.runtime.component.TrapException;
import io.fssdk.runtime.component.WitValue;
import io.fssdk.runtime.guest.HostCalls;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@code kv} interface over {@link Store} and {@link StoreIterator}.
 *
 * <ul>
 *   <li>{@code [constructor]store} is {@link io.fssdk.api.Context#getOrCreateStore}: the same name gives
 *       the same store, in the operator's namespace, so no name a guest chooses (a slash, an {@code @}, a
 *       NUL) reaches another operator's store. The constructor has no error result, so a blank name (or a
 *       store that cannot be opened) traps, with the {@link io.fssdk.api.ErrorCode} in the trap message.</li>
 *   <li>Every method maps to the {@code Store} method of the same name; a store failure is returned as
 *       the WIT {@code error} (see {@link StoreErrors}), never a trap.</li>
 *   <li>{@code scan-complex} returns an {@code iterator} over the store's streaming
 *       {@link StoreIterator}; {@code has-next} and {@code next} read it one entry at a time.</li>
 * </ul>
 *
 * <p>Functions with one value in or out ({@code get-state}, {@code put-state}, {@code get}, ...) run on
 * the raw path, copying bytes straight between guest memory and Java arrays. The two list functions
 * return {@code list<list<u8>>}, whose outer array the canonical ABI allocates with alignment 4, which
 * only the value path can ask the guest's {@code cabi_realloc} for; they are not per-record calls.
 */
final class KvHost {
    private KvHost() {
    }

    /** Defines the constructor and all 14 methods on {@code b}. */
    static void define(Linker.Builder b, KvTypes t, HostCalls calls, ResourceCaps caps) {
        Set<String> storeNames = new HashSet<>();
        b.rawFunction(KV, "[constructor]store", t.constructor(), f -> {
            String name = f.readString(f.i32(0), f.i32(1));
            Store store;
            try {
                String normalized = StoreNames.normalize(name);
                if (!storeNames.contains(normalized) && storeNames.size() >= caps.storeNames()) {
                    throw new SdkException(ErrorCode.LIMIT_EXCEEDED, "the operator opened " + storeNames.size()
                            + " distinct stores, the cap (ResourceCaps.storeNames)");
                }
                calls.resources().acquire("store handles", caps.storeHandles());
                store = calls.context().getOrCreateStore(name);
                storeNames.add(normalized);
            } catch (SdkException e) {
                throw new TrapException(KV + "#[constructor]store", e.code() + ": cannot open store `" + name
                        + "` (the constructor has no error result, so this traps): " + e.getMessage(), e);
            }
            return f.newOwn(t.store, store);
        });

        // Byte keys: (self, key ptr, key len[, value ptr, value len], return area).
        b.rawFunction(KV, "[method]store.put-state", t.storeMethod(UNIT_RESULT, "key", BYTES, "value", BYTES), f -> {
            Store s = store(f, t);
            byte[] key = bytes(f, 1);
            byte[] value = bytes(f, 3);
            unit(f, 5, () -> s.putState(key, value));
            return 0;
        });
        b.rawFunction(KV, "[method]store.get-state", t.storeMethod(OPTIONAL_BYTES_RESULT, "key", BYTES), f -> {
            Store s = store(f, t);
            byte[] key = bytes(f, 1);
            optionalBytes(f, 3, () -> s.getState(key));
            return 0;
        });
        b.rawFunction(KV, "[method]store.delete-state", t.storeMethod(UNIT_RESULT, "key", BYTES), f -> {
            Store s = store(f, t);
            byte[] key = bytes(f, 1);
            unit(f, 3, () -> s.deleteState(key));
            return 0;
        });
        b.function(KV, "[method]store.list-states", t.storeMethod(KEY_LIST_RESULT,
                "start-inclusive", BYTES, "end-exclusive", BYTES), args -> {
                    Store s = ((WitValue.Borrow) args.get(0)).handle().rep(Store.class);
                    return keys(() -> s.listStates(value(args, 1), value(args, 2)));
                });

        // Complex keys: (self, 8 i32 of the flattened complex-key[, value ptr, value len], return area).
        b.rawFunction(KV, "[method]store.put", t.storeMethod(UNIT_RESULT, "key", COMPLEX_KEY, "value", BYTES), f -> {
            Store s = store(f, t);
            ComplexKey key = complexKey(f, 1);
            byte[] value = bytes(f, 9);
            unit(f, 11, () -> s.put(key, value));
            return 0;
        });
        b.rawFunction(KV, "[method]store.get", t.storeMethod(OPTIONAL_BYTES_RESULT, "key", COMPLEX_KEY), f -> {
            Store s = store(f, t);
            ComplexKey key = complexKey(f, 1);
            optionalBytes(f, 9, () -> s.get(key));
            return 0;
        });
        b.rawFunction(KV, "[method]store.delete", t.storeMethod(UNIT_RESULT, "key", COMPLEX_KEY), f -> {
            Store s = store(f, t);
            ComplexKey key = complexKey(f, 1);
            unit(f, 9, () -> s.delete(key));
            return 0;
        });
        b.rawFunction(KV, "[method]store.merge", t.storeMethod(UNIT_RESULT, "key", COMPLEX_KEY, "value", BYTES), f -> {
            Store s = store(f, t);
            ComplexKey key = complexKey(f, 1);
            byte[] value = bytes(f, 9);
            unit(f, 11, () -> s.merge(key, value));
            return 0;
        });
        b.rawFunction(KV, "[method]store.delete-prefix", t.storeMethod(UNIT_RESULT, "key", COMPLEX_KEY), f -> {
            Store s = store(f, t);
            ComplexKey key = complexKey(f, 1);
            unit(f, 9, () -> s.deletePrefix(key));
            return 0;
        });
        b.function(KV, "[method]store.list-complex", t.storeMethod(KEY_LIST_RESULT, "key-group", BYTES, "key", BYTES,
                "namespace", BYTES, "start-inclusive", BYTES, "end-exclusive", BYTES), args -> {
                    Store s = ((WitValue.Borrow) args.get(0)).handle().rep(Store.class);
                    return keys(() -> s.listComplex(value(args, 1), value(args, 2), value(args, 3), value(args, 4),
                            value(args, 5)));
                });
        b.rawFunction(KV, "[method]store.scan-complex", t.storeMethod(t.iteratorResult(), "key-group", BYTES,
                "key", BYTES, "namespace", BYTES), f -> {
                    Store s = store(f, t);
                    byte[] group = bytes(f, 1);
                    byte[] key = bytes(f, 3);
                    byte[] namespace = bytes(f, 5);
                    if (calls.resources().size() >= caps.openIterators()) {
                        SdkException cap = new SdkException(ErrorCode.LIMIT_EXCEEDED, "the guest holds "
                                + caps.openIterators() + " open scans, the cap (ResourceCaps.openIterators)");
                        throw new TrapException(KV + "#[method]store.scan-complex", cap.getMessage(), cap);
                    }
                    f.checkArea(f.i32(7), ReturnArea.SIZE, ReturnArea.ALIGN);
                    StoreIterator it;
                    try {
                        it = s.scanComplex(group, key, namespace);
                    } catch (RuntimeException e) {
                        ReturnArea.err(f, f.i32(7), e);
                        return 0;
                    }
                    ReturnArea.okHandle(f, f.i32(7), f.newOwn(t.iterator, new GuestIterator(it, calls.resources())));
                    return 0;
                });

        // Iterators: (self, return area).
        b.rawFunction(KV, "[method]iterator.has-next", t.iteratorMethod(KvTypes.boolResult()), f -> {
            StoreIterator it = iterator(f, t);
            f.checkArea(f.i32(1), ReturnArea.SIZE, ReturnArea.ALIGN);
            boolean more;
            try {
                more = it.hasNext();
            } catch (RuntimeException e) {
                ReturnArea.err(f, f.i32(1), e);
                return 0;
            }
            ReturnArea.okBool(f, f.i32(1), more);
            return 0;
        });
        b.rawFunction(KV, "[method]iterator.next", t.iteratorMethod(KvTypes.entryResult()), f -> {
            StoreIterator it = iterator(f, t);
            f.checkArea(f.i32(1), ReturnArea.ENTRY_SIZE, ReturnArea.ALIGN); // before next() moves the scan
            StoreEntry entry;
            try {
                // WIT next answers none at the end, where StoreIterator.next throws: ask first.
                entry = it.hasNext() ? it.next() : null;
            } catch (RuntimeException e) {
                ReturnArea.err(f, f.i32(1), e);
                return 0;
            }
            if (entry == null) {
                ReturnArea.okEntry(f, f.i32(1), null, null);
            } else {
                ReturnArea.okEntry(f, f.i32(1), entry.userKey(), entry.value());
            }
            return 0;
        });
    }

    private static Store store(RawFrame f, KvTypes t) {
        return (Store) f.rep(f.i32(0), t.store);
    }

    private static StoreIterator iterator(RawFrame f, KvTypes t) {
        return ((GuestIterator) f.rep(f.i32(0), t.iterator)).iterator();
    }

    /** The {@code list<u8>} flattened at core arguments {@code i} (pointer) and {@code i + 1} (length). */
    private static byte[] bytes(RawFrame f, int i) {
        return f.readBytes(f.i32(i), f.i32(i + 1));
    }

    /** The {@code complex-key} flattened at core arguments {@code i} to {@code i + 7}. */
    private static ComplexKey complexKey(RawFrame f, int i) {
        return new ComplexKey(bytes(f, i), bytes(f, i + 2), bytes(f, i + 4), bytes(f, i + 6));
    }

    /** Runs a store call returning {@code result<_, error>} into the return area at core argument {@code ret}. */
    private static void unit(RawFrame f, int ret, Runnable storeCall) {
        // Before the store call: a put with a bad return area must write nothing.
        f.checkArea(f.i32(ret), ReturnArea.SIZE, ReturnArea.ALIGN);
        try {
            storeCall.run();
        } catch (RuntimeException e) {
            ReturnArea.err(f, f.i32(ret), e);
            return;
        }
        ReturnArea.ok(f, f.i32(ret));
    }

    /** Runs a store read returning {@code result<option<list<u8>>, error>} into the return area at {@code ret}. */
    private static void optionalBytes(RawFrame f, int ret, Supplier<Optional<byte[]>> storeCall) {
        f.checkArea(f.i32(ret), ReturnArea.SIZE, ReturnArea.ALIGN);
        Optional<byte[]> value;
        try {
            value = storeCall.get();
        } catch (RuntimeException e) {
            ReturnArea.err(f, f.i32(ret), e);
            return;
        }
        ReturnArea.okOptionalBytes(f, f.i32(ret), value.orElse(null));
    }

    private static byte[] value(List<WitValue> args, int i) {
        return ((WitValue.Bytes) args.get(i)).bytes();
    }

    /** Runs a listing store call, as {@code result<list<list<u8>>, error>}. */
    private static Optional<WitValue> keys(Supplier<List<byte[]>> storeCall) {
        List<byte[]> keys;
        try {
            keys = storeCall.get();
        } catch (RuntimeException e) {
            return Optional.of(StoreErrors.err(e));
        }
        List<WitValue> out = new ArrayList<>(keys.size());
        for (byte[] k : keys) {
            out.add(WitValue.bytes(k));
        }
        return Optional.of(WitValue.ok(new WitValue.ListValue(out)));
    }
}
