package io.fssdk.runtime.processor;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.runtime.component.Component;
import io.fssdk.runtime.component.ComponentExtern;
import io.fssdk.runtime.component.FuncSignature;
import io.fssdk.runtime.component.PrimitiveType;
import io.fssdk.runtime.component.WitType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The eight exports of the {@code processor} world and the types a guest must give them. Only the types
 * are compared, not the parameter names: a guest's names do not change its ABI.
 *
 * <p><b>Missing exports.</b> {@code wit-component} makes a guest define every world export, but other
 * toolchains and hand-written components may not. {@value #PROCESS} is required, since a processor
 * that cannot process is a mistake best reported at build time. Every other export is optional, and a
 * missing one behaves like the {@link io.fssdk.api.Driver} default (Function Stream's Go
 * {@code BaseDriver}): init, watermark, checkpoint, close and exec do nothing, heartbeat reports
 * healthy, and custom answers with a copy of its payload.
 */
final class ProcessorExports {
    static final String INIT = "fs-init";
    static final String PROCESS = "fs-process";
    static final String PROCESS_WATERMARK = "fs-process-watermark";
    static final String TAKE_CHECKPOINT = "fs-take-checkpoint";
    static final String CHECK_HEARTBEAT = "fs-check-heartbeat";
    static final String CLOSE = "fs-close";
    static final String EXEC = "fs-exec";
    static final String CUSTOM = "fs-custom";

    private static final WitType STRING = PrimitiveType.STRING;
    /** The expected type of each export, in world order. */
    static final Map<String, FuncSignature> SIGNATURES = signatures();

    private ProcessorExports() {
    }

    private static Map<String, FuncSignature> signatures() {
        WitType u32 = PrimitiveType.U32;
        WitType u64 = PrimitiveType.U64;
        Map<String, FuncSignature> m = new LinkedHashMap<>();
        m.put(INIT, nothing("config", WitType.list(WitType.tuple(STRING, STRING))));
        m.put(PROCESS, nothing("source-id", u32, "data", KvTypes.BYTES));
        m.put(PROCESS_WATERMARK, nothing("source-id", u32, "watermark", u64));
        m.put(TAKE_CHECKPOINT, nothing("checkpoint-id", u64));
        m.put(CHECK_HEARTBEAT, FuncSignature.of(List.of(), PrimitiveType.BOOL));
        m.put(CLOSE, nothing());
        m.put(EXEC, nothing("class-name", STRING, "modules", WitType.list(WitType.tuple(STRING, KvTypes.BYTES))));
        m.put(CUSTOM, FuncSignature.of(List.of(WitType.field("payload", KvTypes.BYTES)), KvTypes.BYTES));
        return Collections.unmodifiableMap(m);
    }

    /** {@code params} alternates names and types, as in the WIT. */
    private static FuncSignature nothing(Object... params) {
        List<WitType.Field> fields = new ArrayList<>();
        for (int i = 0; i < params.length; i += 2) {
            fields.add(WitType.field((String) params[i], (WitType) params[i + 1]));
        }
        return FuncSignature.returningNothing(fields);
    }

    /**
     * Checks the component's exports against the world, without instantiating it.
     *
     * @throws SdkException {@link ErrorCode#RUNTIME_INVALID_DRIVER} when {@value #PROCESS} is missing or an
     *     export has another type than the world gives it, naming the export and both types
     */
    static void check(Component component, String operator) {
        check(component.exports(), operator);
    }

    /** {@link #check(Component, String)} on a list of exports, e.g. of a {@code ComponentDescription}. */
    static void check(List<ComponentExtern> exports, String operator) {
        Map<String, FuncSignature> found = new LinkedHashMap<>();
        for (ComponentExtern e : exports) {
            if (e instanceof ComponentExtern.Function f) {
                found.put(f.name(), f.signature());
            }
        }
        if (!found.containsKey(PROCESS)) {
            throw new SdkException(ErrorCode.RUNTIME_INVALID_DRIVER, "the component does not export `" + PROCESS
                    + "`; it exports " + found.keySet() + " (is it built for the functionstream:core/processor world?)",
                    operator, null, null);
        }
        for (Map.Entry<String, FuncSignature> want : SIGNATURES.entrySet()) {
            FuncSignature got = found.get(want.getKey());
            if (got != null && !sameTypes(got, want.getValue())) {
                throw new SdkException(ErrorCode.RUNTIME_INVALID_DRIVER, "export `" + want.getKey() + "` has type "
                        + got.wit() + ", the processor world gives it " + want.getValue().wit(),
                        operator, null, null);
            }
        }
    }

    /** Whether two signatures have the same parameter and result types, whatever the parameter names. */
    static boolean sameTypes(FuncSignature a, FuncSignature b) {
        return a.paramTypes().equals(b.paramTypes()) && a.result().equals(b.result());
    }
}
