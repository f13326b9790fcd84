package io.fssdk.runtime.component.link;

import io.fssdk.runtime.component.FuncSignature;
import io.fssdk.runtime.component.RawCall;
import io.fssdk.runtime.component.WitValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The engine side of a public {@code ComponentInstance}: its exports and its poisoned state. */
public final class RootInstance {
    private final RootState root;
    private final Map<String, Item> exports;

    RootInstance(RootState root, Map<String, Item> exports) {
        this.root = root;
        this.exports = Collections.unmodifiableMap(exports);
    }

    /** Whether a trap poisoned the instance. */
    public boolean isPoisoned() {
        return root.isPoisoned();
    }

    /** Whether a memory of the instance has grown to the cap of its {@code ComponentOptions}. */
    public boolean memoryCapReached() {
        return root.memoryCapReached();
    }

    /** The bytes of linear memory the instance holds. */
    public long memoryBytes() {
        return root.memoryBytes();
    }

    /** Marks the instance unusable, e.g. after a deadline interrupted it mid-call. */
    public void poison(String reason) {
        root.poison(reason);
    }

    /** The names of the exported functions, with instance exports as {@code instance#func}. */
    public List<String> functionNames() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Item> e : exports.entrySet()) {
            if (e.getValue() instanceof Item.Func) {
                out.add(e.getKey());
            } else if (e.getValue() instanceof Item.Instance i) {
                for (Map.Entry<String, Item> x : i.exports().entrySet()) {
                    if (x.getValue() instanceof Item.Func) {
                        out.add(e.getKey() + "#" + x.getKey());
                    }
                }
            }
        }
        return out;
    }

    /** The exported function at {@code path}: a top-level name, or {@code instance#func}. */
    public Optional<Function> function(String path) {
        Item item;
        int hash = path.indexOf('#');
        if (hash < 0) {
            item = exports.get(path);
        } else {
            Item inst = exports.get(path.substring(0, hash));
            item = inst instanceof Item.Instance i ? i.exports().get(path.substring(hash + 1)) : null;
        }
        return item instanceof Item.Func f ? Optional.of(new Function(f.func())) : Optional.empty();
    }

    /** An exported function, as the public API sees it. */
    public static final class Function {
        private final ComponentFunc func;

        Function(ComponentFunc func) {
            this.func = func;
        }

        /** Its type. */
        public FuncSignature signature() {
            return func.signature();
        }

        /** Calls it with values. */
        public Optional<WitValue> call(List<WitValue> args) {
            return func.invoke(args);
        }

        /** Starts a fast-path call; only functions lifted from a guest support it. */
        public RawCall rawCall() {
            if (func instanceof LiftedFunc lf) {
                return lf.rawCall();
            }
            throw new UnsupportedOperationException("`" + func.path() + "` is not lifted from a guest");
        }
    }
}
