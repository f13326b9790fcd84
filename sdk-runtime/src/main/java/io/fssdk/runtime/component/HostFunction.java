package io.fssdk.runtime.component;

import java.util.List;
import java.util.Optional;

/**
 * A host function over the dynamic value model: arguments arrive lifted out of the guest, the result is
 * lowered back into it. Any exception it throws becomes a {@link TrapException} of the calling instance
 * naming the import; to report an error the guest can handle, return the WIT {@code result}'s error case
 * instead.
 */
@FunctionalInterface
public interface HostFunction {
    /**
     * Handles one call.
     *
     * @param args the arguments, one per parameter, checked against the import's type
     * @return the result, or empty for a function without one
     */
    Optional<WitValue> call(List<WitValue> args) throws Exception;
}
