package io.fssdk.runtime.component.link;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.ExecutionListener;
import com.dylibso.chicory.runtime.MStack;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.OpCode;

/**
 * Makes every loop of Chicory's interpreter stoppable by a thread interrupt, which is how a per-call
 * deadline stops a guest.
 *
 * <p><b>Why.</b> Chicory 1.7.5's interpreter checks for interruption only on {@code call},
 * {@code call_indirect} and {@code br}, on the assumption that {@code br_if} and {@code br_table} jump
 * forward. They can jump back to a {@code loop}: {@code (loop (br_if 0 (i32.const 1)))} ran on for good
 * past its deadline (5 hangs in an outside fuzzing run). This listener checks the interrupt flag before
 * each {@code br_if} and {@code br_table}, the two branches the interpreter leaves unchecked.
 *
 * <p><b>Cost.</b> The interpreter calls a listener before every instruction; this one compares the opcode
 * and reads the interrupt flag only on those two branches. The interpreter is the slow tier anyway (about
 * 1% of the compiled rate, BENCHMARKS.md), and compiled code never calls it.
 */
final class BackEdgeInterruption implements ExecutionListener {
    static final BackEdgeInterruption INSTANCE = new BackEdgeInterruption();

    private BackEdgeInterruption() {
    }

    @Override
    public void onExecution(Instruction instruction, MStack stack) {
        OpCode op = instruction.opcode();
        if ((op == OpCode.BR_IF || op == OpCode.BR_TABLE) && Thread.currentThread().isInterrupted()) {
            throw new ChicoryInterruptedException("Thread interrupted");
        }
    }
}
