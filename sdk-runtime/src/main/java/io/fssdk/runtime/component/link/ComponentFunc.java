package io.fssdk.runtime.component.link;

import io.fssdk.runtime.component.FuncSignature;
import io.fssdk.runtime.component.HostFunction;
import io.fssdk.runtime.component.RawHostFunction;
import io.fssdk.runtime.component.TrapException;
import io.fssdk.runtime.component.WitValue;
import io.fssdk.runtime.component.WitValues;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A function in a component's function index space. */
sealed interface ComponentFunc permits ComponentFunc.Host, ComponentFunc.Raw, ComponentFunc.Stub, LiftedFunc {
    /** The function's type. */
    FuncSignature signature();

    /** A path for messages, e.g. {@code functionstream:core/kv@0.1.0#[method]store.get-state}. */
    String path();

    /** Calls the function with values (the dynamic path). */
    Optional<WitValue> invoke(List<WitValue> args);

    /** A host function over values. */
    record Host(String path, FuncSignature signature, HostFunction function) implements ComponentFunc {
        public Host {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(signature, "signature");
            Objects.requireNonNull(function, "function");
        }

        @Override
        public Optional<WitValue> invoke(List<WitValue> args) {
            Optional<WitValue> result;
            try {
                result = function.call(args);
            } catch (TrapException e) {
                throw e;
            } catch (Exception | StackOverflowError e) {
                throw new TrapException(path, "host function failed: " + e, e);
            }
            if (result == null || result.isPresent() != signature.result().isPresent()) {
                throw new TrapException(path, "host function returned " + (result != null && result.isPresent()
                        ? "a value" : "no value") + " but its type is " + signature.wit());
            }
            result.ifPresent(r -> {
                try {
                    WitValues.check(r, signature.result().orElseThrow());
                } catch (IllegalArgumentException e) {
                    throw new TrapException(path, "host function returned a wrong value: " + e.getMessage());
                }
            });
            return result;
        }
    }

    /** A host function on the typed fast path; it can only be called by a guest through canon lower. */
    record Raw(String path, FuncSignature signature, RawHostFunction function) implements ComponentFunc {
        public Raw {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(signature, "signature");
            Objects.requireNonNull(function, "function");
        }

        @Override
        public Optional<WitValue> invoke(List<WitValue> args) {
            throw new TrapException(path, "a raw host function can only be called by a guest");
        }
    }

    /** An import the host did not define, stubbed by request: calling it traps. */
    record Stub(String path, FuncSignature signature) implements ComponentFunc {
        public Stub {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(signature, "signature");
        }

        @Override
        public Optional<WitValue> invoke(List<WitValue> args) {
            throw new TrapException(path, "import is not defined by the host (trap-on-call stub)");
        }
    }
}
