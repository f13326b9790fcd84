package io.fssdk.benchmarks;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import io.fssdk.runtime.component.ExecutionMode;
import java.util.List;

/**
 * The baseline of the canonical-ABI benchmark: {@code raw-emit.wasm} on bare Chicory, with no component
 * model. One {@link #process} writes the payload into linear memory, calls the export, and the imported
 * host function copies the bytes back out; that is the least "emit my input" can cost in a Chicory
 * sandbox, and the work {@code emit-once.wasm} does through WasmDriver.
 */
public final class RawChicoryEmitter {
    // Any address inside the module's one page will do: nothing else lives in this memory.
    private static final int PAYLOAD_ADDRESS = 1024;

    private final Memory memory;
    private final ExportFunction process;
    private long emittedBytes;

    /** Instantiates the module, compiled to JVM bytecode or interpreted as Chicory does it. */
    public RawChicoryEmitter(ExecutionMode mode) {
        WasmModule module = Parser.parse(Fixtures.rawEmitModule());
        HostFunction emit = new HostFunction("bench", "emit",
                FunctionType.of(List.of(ValType.I32, ValType.I32), List.of()),
                (instance, args) -> {
                    // The copy out of guest memory is the host's half of the work, as in WasmDriver's emit.
                    byte[] data = instance.memory().readBytes((int) args[0], (int) args[1]);
                    emittedBytes += data.length;
                    return null;
                });
        Instance.Builder builder = Instance.builder(module)
                .withImportValues(ImportValues.builder().addFunction(emit).build());
        // Raw Chicory has only its own compiler: COMPILER and CHICORY_COMPILER both mean it here.
        if (mode != ExecutionMode.INTERPRETER) {
            builder.withMachineFactory(MachineFactoryCompiler.compile(module));
        }
        Instance instance = builder.build();
        this.memory = instance.memory();
        this.process = instance.export("process");
    }

    /** Copies {@code payload} into guest memory and calls {@code process(ptr, len)}, which emits it. */
    public void process(byte[] payload) {
        memory.write(PAYLOAD_ADDRESS, payload);
        process.apply(PAYLOAD_ADDRESS, payload.length);
    }

    /** The total length of everything emitted so far. */
    public long emittedBytes() {
        return emittedBytes;
    }
}
