package io.fssdk.runtime.component.abi;

import io.fssdk.runtime.component.TrapException;
import java.util.Objects;

/**
 * The spec's {@code LiftLowerContext} for one call: the canonical options, the handle tables of the
 * component instance on the guest side of the call, and the call's {@link BorrowScope}. The function name
 * goes into every trap. Create one per call; not thread-safe.
 *
 * @see <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#lifting-and-lowering-context">
 *     CanonicalABI.md: lifting and lowering context</a>
 */
public final class AbiContext {
    private final String function;
    private final CanonicalOptions options;
    private final ResourceTables tables;
    private final BorrowScope scope;

    /**
     * A context for one call.
     *
     * @param function the export or import being called, for trap messages
     * @param options the canonical options of its {@code canon lift} or {@code canon lower}
     * @param tables the handle tables of the guest instance whose memory and handles are used
     * @param scope the call's borrow bookkeeping, new for each call
     */
    public AbiContext(String function, CanonicalOptions options, ResourceTables tables, BorrowScope scope) {
        this.function = Objects.requireNonNull(function, "function");
        this.options = Objects.requireNonNull(options, "options");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    /** A context for a call that involves no resource handles (fresh, empty tables and scope). */
    public static AbiContext of(String function, CanonicalOptions options) {
        return new AbiContext(function, options, new ResourceTables(), new BorrowScope());
    }

    /** The function being called. */
    public String function() {
        return function;
    }

    /** The canonical options. */
    public CanonicalOptions options() {
        return options;
    }

    /** The memory; traps if the options have none. */
    public GuestMemory memory() {
        return options.memory();
    }

    /** The instance's handle tables. */
    public ResourceTables tables() {
        return tables;
    }

    /** The call's borrow bookkeeping. */
    public BorrowScope scope() {
        return scope;
    }

    /** A trap in this call's function. */
    public TrapException trap(String reason) {
        return new TrapException(function, reason);
    }

    /** Traps unless {@code ptr} is a multiple of {@code align} (a power of two). */
    void checkAligned(int ptr, int align, String what) {
        if ((ptr & (align - 1)) != 0) {
            throw trap("misaligned " + what + " pointer " + Integer.toUnsignedString(ptr) + " (alignment " + align + ")");
        }
    }

    /** Traps unless {@code [ptr, ptr + length)} lies in memory. */
    void checkBounds(int ptr, long length, String what) {
        long size = memory().byteSize();
        if (Integer.toUnsignedLong(ptr) + length > size) {
            throw trap("out of bounds " + what + ": " + Integer.toUnsignedString(ptr) + " + " + length + " > " + size);
        }
    }
}
