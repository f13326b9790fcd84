package io.fssdk.runtime.component;

import io.fssdk.runtime.component.link.RootInstance;
import java.util.List;
import java.util.Optional;

/**
 * One instance of a {@link Component}: its own memories, tables and handle tables. Not thread-safe: call
 * it from one thread at a time. After a trap it is poisoned, and every later call throws
 * {@link TrapException}; make a new instance instead.
 */
public final class ComponentInstance {
    private final RootInstance instance;

    ComponentInstance(RootInstance instance) {
        this.instance = instance;
    }

    /** The exported functions: top-level names, and {@code instance#func} for functions of exported instances. */
    public List<String> functionNames() {
        return instance.functionNames();
    }

    /** The exported function at {@code path}, a top-level name or {@code instance#func}. */
    public Optional<ExportedFunction> function(String path) {
        return instance.function(path).map(f -> new ExportedFunction(path, f));
    }

    /**
     * Calls an exported function with values.
     *
     * @throws LinkException when there is no such export
     * @throws TrapException when the guest traps
     */
    public Optional<WitValue> call(String path, WitValue... args) {
        return function(path).orElseThrow(() -> new LinkException("no exported function `" + path + "`"))
                .call(args);
    }

    /** Whether a trap poisoned this instance. */
    public boolean isPoisoned() {
        return instance.isPoisoned();
    }

    /**
     * Whether a linear memory of this instance has grown to the cap set by
     * {@link ComponentOptions.Builder#maxMemoryBytes(long)}, so that a further {@code memory.grow} fails.
     * Guests see a failed grow only as -1 and usually trap their own way; call this after a trap to tell a
     * memory bomb from an ordinary failure. Never true when a module's own declared maximum is lower. A
     * memory a little short of the cap counts too (a sixteenth of it, or up to 4 MiB for small caps): guests
     * with a garbage collector grow in chunks, so the grow that failed can leave that much unused.
     */
    public boolean memoryCapReached() {
        return instance.memoryCapReached();
    }

    /** The bytes of linear memory this instance's core modules hold now. */
    public long memoryBytes() {
        return instance.memoryBytes();
    }

    /**
     * Marks the instance unusable: every later call traps. Embedders call it when they stop a guest
     * mid-call (a deadline), since its memory may then be inconsistent.
     */
    public void poison(String reason) {
        instance.poison(reason);
    }
}
