package io.fssdk.runtime.compiler;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.GlobalInstance;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportGlobal;
import com.dylibso.chicory.runtime.ImportMemory;
import com.dylibso.chicory.runtime.ImportTable;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.TableInstance;
import com.dylibso.chicory.wasm.InvalidException;
import com.dylibso.chicory.wasm.MalformedException;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.GlobalImport;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.MemoryImport;
import com.dylibso.chicory.wasm.types.Table;
import com.dylibso.chicory.wasm.types.TableImport;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * Runs one core module on one engine (Chicory's interpreter or our compiler) and writes down everything
 * observable, one line per step: the instantiation (start function and segment initialisation) and then each
 * planned export call, with its results or trap kind, the host calls it made, the exported globals and a hash
 * of linear memory afterwards. Two engines agree when their lines are equal; everything that may legally
 * differ (NaN payloads of float results, trap messages) is normalised here so the comparison stays exact.
 */
final class DifferentialEngine {
    /** How long one step may run before it is interrupted and counted as hung. */
    static final long STEP_MILLIS = 200;

    /** The marker a step line starts with when the step ran out of time. */
    static final String HUNG = "hung";

    /** One planned call: an export and its arguments. */
    record Call(String export, long[] args) {
    }

    /** The module is not valid wasm (Chicory rejects it), so there is nothing to compare. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(Throwable cause) {
            super(cause.toString(), cause);
        }
    }

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "differential-deadline");
        t.setDaemon(true);
        return t;
    });

    private final WasmModule module;
    private final CompiledWasm compiled;
    /** Whether this runs Chicory's own compiler (when {@link #compiled} is null). */
    private boolean chicoryCompiler;
    private final List<String> hostCalls = new ArrayList<>();
    private Instance instance;

    /** {@code compiled} null runs Chicory's interpreter, else our compiled code. */
    DifferentialEngine(WasmModule module, CompiledWasm compiled) {
        this.module = module;
        this.compiled = compiled;
    }

    /**
     * An engine running Chicory's own compiler: the tie-breaker when its interpreter and ours disagree. Chicory's
     * interpreter has defects ours must not copy: its {@code i32.mul} leaves the high bits of the 64-bit product
     * in the value, and its {@code if} and {@code br_if} test all 64 bits, so a product whose low 32 bits are 0
     * takes the wrong branch. Chicory's compiler computes in JVM {@code int}s, as ours does.
     */
    static DifferentialEngine chicoryCompiler(WasmModule module) {
        DifferentialEngine e = new DifferentialEngine(module, null);
        e.chicoryCompiler = true;
        return e;
    }

    /** Instantiates and runs the plan; stops after the first hung step since the states may differ from there. */
    List<String> run(List<Call> plan) throws Invalid {
        List<String> trace = new ArrayList<>();
        String first = step(() -> {
            Instance.Builder b = Instance.builder(module).withImportValues(imports());
            if (chicoryCompiler) {
                b.withMachineFactory(MachineFactoryCompiler.compile(module)).withMemoryFactory(ByteArrayMemory::new);
            } else if (compiled == null) {
                // Chicory's interpreter checks for interruption on calls only, so a mutant's branch back to a
                // loop would spin past the deadline: poll it every 4,096 instructions from the listener.
                int[] countdown = {4096};
                b.withMemoryFactory(ByteArrayMemory::new).withUnsafeExecutionListener((ins, stack) -> {
                    if (--countdown[0] == 0) {
                        countdown[0] = 4096;
                        if (Thread.currentThread().isInterrupted()) {
                            throw new ChicoryInterruptedException("Thread interrupted");
                        }
                    }
                });
            } else {
                b.withMachineFactory(compiled.machineFactory()).withMemoryFactory(compiled.memoryFactory());
            }
            instance = b.build();
            return null;
        }, null);
        trace.add("instantiate: " + first);
        if (instance == null || first.equals(HUNG) || first.equals("trap exhaustion")) {
            return trace;
        }
        for (Call c : plan) {
            FunctionType type = instance.exportType(c.export());
            String line = step(() -> instance.export(c.export()).apply(c.args()), type);
            trace.add(c.export() + Arrays.toString(c.args()) + ": " + line);
            if (line.startsWith(HUNG) || line.equals("trap exhaustion")) {
                break;
            }
        }
        return trace;
    }

    /** A step that may throw anything the guest provokes. */
    private interface Step {
        long[] run();
    }

    private String step(Step s, FunctionType type) throws Invalid {
        hostCalls.clear();
        Thread caller = Thread.currentThread();
        Object lock = new Object();
        boolean[] active = {true};
        var deadline = TIMER.schedule(() -> {
            synchronized (lock) {
                if (active[0]) {
                    caller.interrupt();
                }
            }
        }, STEP_MILLIS, TimeUnit.MILLISECONDS);
        String outcome;
        try {
            long[] r = s.run();
            outcome = type == null ? "ok" : "returns " + results(r, type.returns());
        } catch (InvalidException | MalformedException | AssertionError e) {
            // Chicory validates some input with assert statements (on in tests): also not valid wasm.
            throw new Invalid(e);
        } catch (RuntimeException | StackOverflowError e) {
            outcome = "trap " + trapKind(e);
        } finally {
            synchronized (lock) {
                active[0] = false;
            }
            deadline.cancel(false);
            // Clear an interrupt that landed after the step finished; the next step starts clean.
            Thread.interrupted();
        }
        if (outcome.equals("trap " + HUNG)) {
            return HUNG;
        }
        if (outcome.equals("trap exhaustion")) {
            // The depth at which the stack runs out is the engine's choice, so what happened before it (host
            // calls, stores) legitimately differs: compare the trap only, and stop (see run).
            return outcome;
        }
        String host = hostCalls.size() <= 8 ? hostCalls.toString()
                : hostCalls.subList(0, 8) + "... " + hostCalls.size() + " calls, hash " + hostCalls.hashCode();
        if (instance == null) {
            // Instantiation trapped (start function or segment initialisation): no state to show.
            return outcome + " | host " + host;
        }
        return outcome + " | host " + host + " | globals " + globals() + " | memory " + memoryHash();
    }

    private static String results(long[] r, List<ValType> types) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < types.size(); i++) {
            long v = r == null || i >= r.length ? 0 : r[i];
            sb.append(i == 0 ? "" : ", ").append(value(types.get(i), v));
        }
        return sb.append(']').toString();
    }

    /** A value as text; any NaN prints as "nan" because the spec leaves arithmetic NaN payloads open. */
    static String value(ValType t, long v) {
        if (t.equals(ValType.F32)) {
            float f = Float.intBitsToFloat((int) v);
            return Float.isNaN(f) ? "nan" : "f32:" + Integer.toHexString((int) v);
        }
        if (t.equals(ValType.F64)) {
            double d = Double.longBitsToDouble(v);
            return Double.isNaN(d) ? "nan" : "f64:" + Long.toHexString(v);
        }
        if (t.equals(ValType.I32)) {
            return "i32:" + (int) v;
        }
        return Long.toString(v);
    }

    /** The trap kind, from the exception type and message; messages differ between engines, kinds must not. */
    static String trapKind(Throwable e) {
        if (e instanceof StackOverflowError) {
            return "exhaustion";
        }
        if (e instanceof ChicoryInterruptedException) {
            return HUNG;
        }
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("stack exhausted") || m.contains("call stack")) {
            return "exhaustion";
        }
        if (m.contains("out of bounds memory")) {
            return "memory out of bounds";
        }
        if (m.contains("out of bounds table") || m.contains("undefined element") || m.contains("uninitialized")) {
            return "table out of bounds";
        }
        if (m.contains("unreachable")) {
            return "unreachable";
        }
        if (m.contains("by zero")) {
            return "divide by zero";
        }
        if (m.contains("overflow")) {
            return "integer overflow";
        }
        if (m.contains("conversion") || m.contains("convert")) {
            return "invalid conversion";
        }
        if (m.contains("indirect call") || m.contains("type mismatch")) {
            return "indirect call mismatch";
        }
        return "other " + e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private String globals() {
        StringBuilder sb = new StringBuilder();
        var exports = module.exportSection();
        for (int i = 0; i < exports.exportCount(); i++) {
            var ex = exports.getExport(i);
            if (ex.exportType() == com.dylibso.chicory.wasm.types.ExternalType.GLOBAL) {
                GlobalInstance g = instance.global(ex.index());
                sb.append(ex.name()).append('=').append(value(g.getType(), g.getValue())).append(' ');
            }
        }
        return sb.toString().trim();
    }

    private String memoryHash() {
        Memory mem = instance.memory();
        if (mem == null) {
            return "none";
        }
        CRC32 crc = new CRC32();
        int pages = mem.pages();
        // Mutants that grow memory to thousands of pages would spend seconds here: past 32 pages, hash the
        // first and last 16, where guests' data, stacks and the grown region's edge live.
        for (int p = 0; p < pages; p++) {
            if (p < 16 || p >= pages - 16) {
                crc.update(mem.readBytes(p * 65536, 65536));
            }
        }
        return pages + " pages crc " + Long.toHexString(crc.getValue());
    }

    private ImportValues imports() {
        ImportValues.Builder b = ImportValues.builder();
        for (int i = 0; i < module.importSection().importCount(); i++) {
            Import imp = module.importSection().getImport(i);
            String mod = imp.module();
            String name = imp.name();
            if (imp instanceof FunctionImport f) {
                FunctionType type = module.typeSection().getType(f.typeIndex());
                b.addFunction(new ImportFunction(mod, name, type, (inst, args) -> host(mod + "." + name, type, args)));
            } else if (imp instanceof GlobalImport g) {
                long v = g.type().isReference() ? -1 : mix((mod + "." + name).hashCode(), 7);
                b.addGlobal(new ImportGlobal(mod, name, new GlobalInstance(v, 0, g.type(), g.mutabilityType())));
            } else if (imp instanceof MemoryImport m) {
                Memory mem = compiled == null ? new ByteArrayMemory(m.limits()) : new FlatMemory(m.limits());
                b.addMemory(new ImportMemory(mod, name, mem));
            } else if (imp instanceof TableImport t) {
                b.addTable(new ImportTable(mod, name, new TableInstance(new Table(t.entryType(), t.limits()), -1)));
            }
        }
        return b.build();
    }

    /** A stub host function: records the call and answers with values derived from its name and arguments. */
    private long[] host(String name, FunctionType type, long[] args) {
        List<String> shown = new ArrayList<>();
        long h = name.hashCode();
        for (int i = 0; i < args.length; i++) {
            ValType t = type.params().get(i);
            shown.add(value(t, args[i]));
            // An i32 (or f32) argument is its low 32 bits: Chicory's interpreter may hand over a long whose high
            // bits are left from a wider product (i32.mul), and a host that read them would answer differently.
            h = mix(h, t.equals(ValType.I32) || t.equals(ValType.F32) ? (int) args[i] : args[i]);
        }
        hostCalls.add(name + shown);
        long[] out = new long[type.returns().size()];
        for (int i = 0; i < out.length; i++) {
            ValType t = type.returns().get(i);
            h = mix(h, i);
            // Small answers half the time so that guests use them as sizes, counts and addresses.
            long v = (h & 1) == 0 ? (h >>> 1) % 64 : h;
            out[i] = t.isReference() ? -1 : t.equals(ValType.I32) || t.equals(ValType.F32) ? (int) v : v;
        }
        return out;
    }

    static long mix(long h, long v) {
        long x = (h ^ v) * 0x9E3779B97F4A7C15L;
        return x ^ (x >>> 29);
    }
}
