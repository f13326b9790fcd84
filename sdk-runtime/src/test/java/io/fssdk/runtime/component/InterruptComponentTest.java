package io.fssdk.runtime.component;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A guest that never returns is stopped the way {@link ComponentInstance#poison} documents for deadlines:
 * the embedder interrupts the calling thread, the call ends with a {@link TrapException}, and the instance
 * is poisoned.
 */
class InterruptComponentTest {
    private static void assertStopsOnInterrupt(boolean conditional, ExecutionMode mode) throws InterruptedException {
        Component c = Component.load(MinimalComponents.spinning(conditional),
                ComponentOptions.builder().executionMode(mode).build());
        ComponentInstance instance = Linker.builder().build().instantiate(c);
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                instance.call("spin");
            } catch (Throwable t) {
                ended.set(t);
            }
        }, "spinning-guest");
        caller.setDaemon(true);
        caller.start();
        caller.join(300);
        assertTrue(caller.isAlive(), "the guest loops");
        caller.interrupt();
        caller.join(5_000);
        assertFalse(caller.isAlive(), "the guest was still running 5 s after its thread was interrupted");
        TrapException e = assertInstanceOf(TrapException.class, ended.get());
        assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
        assertTrue(instance.isPoisoned());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aLoopClosedByBrStopsWhenItsThreadIsInterrupted(ExecutionMode mode) throws InterruptedException {
        assertStopsOnInterrupt(false, mode);
    }

    @Test
    void aLoopClosedByBrIfStopsWhenItsThreadIsInterruptedInChicoryCompiledCode() throws InterruptedException {
        assertStopsOnInterrupt(true, ExecutionMode.CHICORY_COMPILER);
    }

    @Test
    void aLoopClosedByBrIfStopsWhenItsThreadIsInterruptedInOurCompiledCode() throws InterruptedException {
        assertStopsOnInterrupt(true, ExecutionMode.COMPILER);
    }

    @Test
    void aLoopClosedByBrIfStopsWhenItsThreadIsInterruptedInTheInterpreter() throws InterruptedException {
        // Found by ComponentMutationTest: a mutated `i32.const 1` step made a C loop endless and the
        // interrupt that stops a guest past its deadline had no effect in interpreter mode, since Chicory
        // 1.7.5's InterpreterMachine.BR_IF jumps without checkInterruption(). Fixed by the engine's
        // BackEdgeInterruption listener.
        assertStopsOnInterrupt(true, ExecutionMode.INTERPRETER);
    }
}
