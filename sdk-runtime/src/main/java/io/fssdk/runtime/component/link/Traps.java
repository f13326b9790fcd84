package io.fssdk.runtime.component.link;

import com.dylibso.chicory.wasm.ChicoryException;
import io.fssdk.runtime.compiler.FuelExhaustedException;
import io.fssdk.runtime.component.TrapException;
import io.fssdk.runtime.component.abi.CanonicalAbi;

/** Turns whatever a guest call threw into a {@link TrapException} naming the function. */
final class Traps {
    private Traps() {
    }

    /**
     * The trap for {@code t}, thrown by a call of {@code function}, or {@code null} when {@code t} is not a
     * guest failure (and so must propagate as it is).
     */
    static TrapException of(String function, Throwable t) {
        if (t instanceof TrapException e) {
            return CanonicalAbi.named(function, e);
        } else if (t instanceof FuelExhaustedException e) {
            return TrapException.outOfFuel(function, e.getMessage(), e);
        } else if (t instanceof ChicoryException e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (Thread.currentThread().isInterrupted() || e.getClass().getSimpleName().contains("Interrupt")) {
                return new TrapException(function, "interrupted: " + msg, e);
            }
            return new TrapException(function, "guest trapped: " + msg.toLowerCase(java.util.Locale.ROOT), e);
        } else if (t instanceof StackOverflowError e) {
            return new TrapException(function, "call stack exhausted", e);
        } else if (t instanceof ArithmeticException || t instanceof IndexOutOfBoundsException
                || t instanceof NegativeArraySizeException || t instanceof ClassCastException) {
            // Chicory's compiled code can surface a few JVM exceptions for guest faults.
            return new TrapException(function, "guest trapped: " + t, t);
        }
        return null;
    }
}
