package io.fssdk.runtime.processor;

import io.fssdk.runtime.component.FuncSignature;
import io.fssdk.runtime.component.PrimitiveType;
import io.fssdk.runtime.component.ResourceType;
import io.fssdk.runtime.component.WitType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The types of {@code wit/processor.wit}, spelled out for the linker. Host functions on the raw path are
 * bound to an exact signature (parameter names included), so these must match the WIT declaration for
 * declaration; a guest built from another WIT text is then refused at link time with both signatures in
 * the message, instead of misreading its memory.
 *
 * <p>Resource types are compared by identity, so the signatures mentioning {@code store} or
 * {@code iterator} are made per {@link KvTypes} instance, from the resource types of one linker.
 */
final class KvTypes {
    /** The kv interface, as guests import it. */
    static final String KV = "functionstream:core/kv@0.1.0";
    /** The collector interface, as guests import it. */
    static final String COLLECTOR = "functionstream:core/collector@0.1.0";

    static final WitType BYTES = WitType.list(PrimitiveType.U8);
    /** {@code variant error { not-found, io-error(string), other(string) }}: case indexes 0, 1, 2. */
    static final WitType ERROR = WitType.variant(WitType.Case.of("not-found"),
            WitType.Case.of("io-error", PrimitiveType.STRING), WitType.Case.of("other", PrimitiveType.STRING));
    static final WitType COMPLEX_KEY = WitType.record(WitType.field("key-group", BYTES), WitType.field("key", BYTES),
            WitType.field("namespace", BYTES), WitType.field("user-key", BYTES));
    static final WitType UNIT_RESULT = new WitType.ResultType(Optional.empty(), Optional.of(ERROR));
    static final WitType OPTIONAL_BYTES_RESULT = WitType.result(WitType.option(BYTES), ERROR);
    static final WitType KEY_LIST_RESULT = WitType.result(WitType.list(BYTES), ERROR);

    static final FuncSignature EMIT = FuncSignature.returningNothing(
            List.of(WitType.field("target-id", PrimitiveType.U32), WitType.field("data", BYTES)));
    static final FuncSignature EMIT_WATERMARK = FuncSignature.returningNothing(
            List.of(WitType.field("target-id", PrimitiveType.U32), WitType.field("watermark", PrimitiveType.U64)));

    final ResourceType store;
    final ResourceType iterator;

    KvTypes(ResourceType store, ResourceType iterator) {
        this.store = store;
        this.iterator = iterator;
    }

    /** {@code constructor(name: string)}: returns {@code own<store>}. */
    FuncSignature constructor() {
        return FuncSignature.of(List.of(WitType.field("name", PrimitiveType.STRING)), new WitType.OwnType(store));
    }

    /** A store method: {@code self: borrow<store>} first, then {@code params} as named. */
    FuncSignature storeMethod(WitType result, Object... params) {
        return method(store, result, params);
    }

    /** An iterator method without parameters. */
    FuncSignature iteratorMethod(WitType result) {
        return method(iterator, result);
    }

    /** {@code result<iterator, error>}: scan-complex's result. */
    WitType iteratorResult() {
        return WitType.result(new WitType.OwnType(iterator), ERROR);
    }

    /** {@code result<bool, error>}: has-next's result. */
    static WitType boolResult() {
        return WitType.result(PrimitiveType.BOOL, ERROR);
    }

    /** {@code result<option<tuple<list<u8>, list<u8>>>, error>}: next's result. */
    static WitType entryResult() {
        return WitType.result(WitType.option(WitType.tuple(BYTES, BYTES)), ERROR);
    }

    /** {@code params} alternates names and types: "key", BYTES, "value", BYTES. */
    private static FuncSignature method(ResourceType self, WitType result, Object... params) {
        List<WitType.Field> fields = new ArrayList<>();
        fields.add(WitType.field("self", new WitType.BorrowType(self)));
        for (int i = 0; i < params.length; i += 2) {
            fields.add(WitType.field((String) params[i], (WitType) params[i + 1]));
        }
        return FuncSignature.of(fields, result);
    }
}
