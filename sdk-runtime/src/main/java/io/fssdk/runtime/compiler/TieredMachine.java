package io.fssdk.runtime.compiler;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.ChicoryException;
import java.util.concurrent.CompletableFuture;

/**
 * The machine of an instance whose module is still compiling in the background ({@link BackgroundCompiler}):
 * Chicory's interpreter until the code is ready, then the compiled code, switching between two calls (never
 * inside one, since the interpreter's frames and the compiled ones cannot be mixed). Both tiers work on the
 * same instance, memory ({@link FlatMemory}), globals and tables, so the switch carries all state over.
 */
final class TieredMachine implements Machine {
    private final Instance instance;
    private final CompletableFuture<CompiledWasm> code;
    private CompiledMachine compiled;
    private InterpreterMachine interpreter;
    private FuelTank fuel;
    private long gcCap;
    /** Calls under way: the switch happens only between outermost calls. */
    private int depth;

    TieredMachine(Instance instance, CompletableFuture<CompiledWasm> code) {
        this.instance = instance;
        this.code = code;
    }

    @Override
    public long[] call(int funcId, long[] args) throws ChicoryException {
        if (depth == 0 && compiled == null && code.isDone() && !code.isCompletedExceptionally()) {
            compiled = code.join().newMachine(instance);
            compiled.context().fuel = fuel;
            compiled.context().gcCap = gcCap;
        }
        depth++;
        try {
            if (compiled != null) {
                return compiled.call(funcId, args);
            }
            if (interpreter == null) {
                interpreter = new InterpreterMachine(instance);
            }
            return interpreter.call(funcId, args);
        } finally {
            depth--;
        }
    }

    /** Whether this instance runs compiled code now. */
    boolean isCompiled() {
        return compiled != null;
    }

    /** Caps the compiled tier's GC objects at {@code bytes}; the interpreted tier is not capped. */
    void capGc(long bytes) {
        this.gcCap = bytes;
        if (compiled != null) {
            compiled.context().gcCap = bytes;
        }
    }

    /** Meters the compiled tier from {@code tank}; the interpreted tier is not metered. */
    void meter(FuelTank tank) {
        this.fuel = tank;
        if (compiled != null) {
            compiled.context().fuel = tank;
        }
    }
}
