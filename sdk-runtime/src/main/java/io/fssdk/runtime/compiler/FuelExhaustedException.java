package io.fssdk.runtime.compiler;

import com.dylibso.chicory.runtime.TrapException;

/** A call used up its instruction budget ({@code maxFuel}); the engine reports it as a limit, not a bug. */
public final class FuelExhaustedException extends TrapException {
    private static final long serialVersionUID = 1L;

    FuelExhaustedException(String message) {
        super(message);
    }
}
