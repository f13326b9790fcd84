package io.fssdk.runtime.component;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one mutated binary of {@link ComponentMutationTest} through the public API: load (interpreter),
 * instantiate with every import stubbed, call one export with {@link DefaultArgs}. Each step may succeed
 * or throw a {@link ComponentException}; anything else escaped.
 *
 * <p>A mutation can legitimately make the guest loop forever (an {@code i32.const 1} step turned into
 * 0). So a case that is still running after {@code budget} is interrupted, as an embedder stops a guest
 * past its deadline; Chicory's interpreter checks for interruption and the engine must then end the call
 * with a {@link TrapException}. A case that ignores the interrupt for {@code grace} hangs: that is a bug,
 * and its thread (a daemon) is abandoned for a fresh one.
 */
final class MutationRunner implements AutoCloseable {
    /** How far a binary got. */
    enum Stage { REJECTED_BY_LOAD, REJECTED_BY_INSTANTIATE, INSTANTIATED, CALLED, HUNG }

    /**
     * What became of one binary.
     *
     * @param stage the last step that succeeded
     * @param interrupted whether it ran past its budget and was interrupted
     * @param escaped what escaped the engine's exceptions, if anything did
     */
    record Outcome(Stage stage, boolean interrupted, Optional<String> escaped) { }

    private static final ComponentOptions INTERPRETER =
            ComponentOptions.builder().executionMode(ExecutionMode.INTERPRETER).build();
    private static final Linker STUBS = Linker.builder().stubUnknownImports(true).build();

    private final Duration budget;
    private final Duration grace;
    private ExecutorService executor = newExecutor();

    MutationRunner(Duration budget, Duration grace) {
        this.budget = budget;
        this.grace = grace;
    }

    private static ExecutorService newExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mutation-case");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs one binary, choosing the export to call by {@code seed}. */
    Outcome run(byte[] binary, long seed) {
        AtomicReference<Thread> worker = new AtomicReference<>();
        Future<Outcome> f = executor.submit(() -> {
            worker.set(Thread.currentThread());
            Thread.interrupted(); // an interrupt meant for the previous case must not hit this one
            return runHere(binary, seed);
        });
        try {
            return f.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            worker.get().interrupt();
            try {
                Outcome o = f.get(grace.toMillis(), TimeUnit.MILLISECONDS);
                return new Outcome(o.stage(), true, o.escaped());
            } catch (TimeoutException stuck) {
                String where = where(worker.get());
                executor.shutdownNow();
                executor = newExecutor();
                return new Outcome(Stage.HUNG, true, Optional.of("still running " + grace.toMillis()
                        + " ms after an interrupt at " + budget.toMillis() + " ms, in " + where));
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException(e);
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Where a stuck worker is. Chicory 1.7.5's interpreter checks for interruption on {@code br} and calls
     * but not on a taken {@code br_if}, so a guest {@code loop} closed by {@code br_if} cannot be stopped
     * in interpreter mode: the message says so when the worker is in the interpreter.
     */
    private static String where(Thread t) {
        StackTraceElement[] st = t.getStackTrace();
        String top = st.length == 0 ? "an unknown place" : st[0].toString();
        boolean interpreting = Arrays.stream(st).limit(3)
                .anyMatch(e -> e.getClassName().equals("com.dylibso.chicory.runtime.InterpreterMachine"));
        return top + (interpreting ? " (a guest loop chicory's interpreter does not interrupt: br_if back-edge)" : "");
    }

    private static Outcome runHere(byte[] binary, long seed) {
        Stage stage = Stage.REJECTED_BY_LOAD;
        try {
            Component c = Component.load(binary, INTERPRETER);
            stage = Stage.REJECTED_BY_INSTANTIATE;
            ComponentInstance instance = STUBS.instantiate(c);
            stage = Stage.INSTANTIATED;
            Optional<String> export = DefaultArgs.callable(instance, seed);
            if (export.isPresent()) {
                ExportedFunction f = instance.function(export.get()).orElseThrow();
                f.call(DefaultArgs.of(f.signature()));
                stage = Stage.CALLED;
            }
            return new Outcome(stage, false, Optional.empty());
        } catch (ComponentException e) {
            return new Outcome(stage, false, Optional.empty());
        } catch (Throwable t) {
            return new Outcome(stage, false, Optional.of(describe(t)));
        }
    }

    private static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder(t.toString());
        StackTraceElement[] st = t.getStackTrace();
        for (int k = 0; k < Math.min(8, st.length); k++) {
            sb.append("\n      at ").append(st[k]);
        }
        return sb.toString();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
