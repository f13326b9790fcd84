package io.fssdk.runtime.component;

import io.fssdk.runtime.component.link.RootInstance;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A function exported by a {@link ComponentInstance}, looked up once and called many times: with values
 * ({@link #call}), or on the typed fast path ({@link #rawCall()}).
 */
public final class ExportedFunction {
    private final String name;
    private final RootInstance.Function function;

    ExportedFunction(String name, RootInstance.Function function) {
        this.name = name;
        this.function = function;
    }

    /** The export's name. */
    public String name() {
        return name;
    }

    /** The export's type. */
    public FuncSignature signature() {
        return function.signature();
    }

    /**
     * Calls the export with values, one per parameter.
     *
     * @return the result, or empty for a function without one
     * @throws IllegalArgumentException when the arguments do not match the signature
     * @throws TrapException when the guest traps (the instance is then poisoned)
     */
    public Optional<WitValue> call(WitValue... args) {
        return function.call(Arrays.asList(args));
    }

    /** Calls the export with a list of values. */
    public Optional<WitValue> call(List<WitValue> args) {
        return function.call(args);
    }

    /** Starts a call on the typed fast path; see {@link RawCall}. */
    public RawCall rawCall() {
        return function.rawCall();
    }

    @Override
    public String toString() {
        return name + ": " + signature().wit();
    }
}
