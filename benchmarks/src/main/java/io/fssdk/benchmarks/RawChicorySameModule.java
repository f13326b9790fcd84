package io.fssdk.benchmarks;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import io.fssdk.runtime.component.ExecutionMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * The canonical-ABI benchmark's baseline on the <em>same core module</em>: the main core module of
 * {@code emit-once.wasm} (the one compiled from {@code emit-once.c}) on bare Chicory, driven by the least
 * host code the <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md">
 * canonical ABI</a> needs to pass a {@code list<u8>} into {@code fs-process}: {@code cabi_realloc} for the
 * payload, one write into linear memory, the lowered {@code fs-process(source-id, ptr, len)}, and a host
 * {@code emit(target, ptr, len)} that copies the bytes out. The guest's malloc and free run on both sides,
 * so {@code WasmDriver / this} is the tax of our engine, shims and binding alone, which is the comparison
 * issue 10 asks for ("raw Chicory's compiler on the same core module").
 *
 * <p>Per call the host allocates nothing of its own: the argument arrays are reused. What Chicory itself
 * allocates stays (the result array of {@code cabi_realloc}; {@link Memory#readBytes} for the emitted
 * copy, which {@code RawChicoryEmitter} and WasmDriver make as well).
 */
public final class RawChicorySameModule {
    private static final String PROCESS = "fs-process";
    private static final String REALLOC = "cabi_realloc";
    // The canonical ABI names a function's post-return export after it; emit-once.c has none for fs-process.
    private static final String POST_RETURN = "cabi_post_" + PROCESS;
    private static final String EMIT_MODULE = "functionstream:core/collector@0.1.0";
    private static final String EMIT = "emit";
    // list<u8> has alignment 1; list<tuple<string, string>> (fs-init's config) has alignment 4.
    private static final int PAYLOAD_ALIGN = 1;
    private static final int CONFIG_ALIGN = 4;
    // fs-process(source-id, data) and emit(target-id, data) both lower to (i32, i32, i32) -> ().
    private static final FunctionType LOWERED_TYPE = i32s(3, false);
    private static final FunctionType REALLOC_TYPE = i32s(4, true);

    private final Memory memory;
    private final ExportFunction realloc;
    private final ExportFunction process;
    private final ExportFunction postReturn;
    private final Consumer<byte[]> sink;
    // realloc(old = 0, old_size = 0, align, new_size): only new_size changes from call to call.
    private final long[] reallocArgs = {0, 0, PAYLOAD_ALIGN, 0};
    private final long[] processArgs = new long[3];
    // fs-process has no results, so its post-return (if any) takes no arguments.
    private final long[] postReturnArgs = new long[0];
    private long emittedBytes;

    /**
     * Instantiates the main core module of {@code component} (the one exporting {@code fs-process}),
     * compiled by Chicory's own compiler unless {@code mode} is the interpreter, and initialises it as
     * instantiating the component and {@code Driver.init} with an empty configuration do. {@code sink}
     * receives each emitted copy.
     */
    public RawChicorySameModule(byte[] component, ExecutionMode mode, Consumer<byte[]> sink) {
        this.sink = sink;
        WasmModule module = mainModule(component);
        Instance.Builder builder = Instance.builder(module)
                .withImportValues(ImportValues.builder().withFunctions(imports(module)).build());
        // Raw Chicory has only its own compiler: COMPILER and CHICORY_COMPILER both mean it here.
        if (mode != ExecutionMode.INTERPRETER) {
            builder.withMachineFactory(MachineFactoryCompiler.compile(module));
        }
        Instance instance = builder.build();
        expect(instance, PROCESS, LOWERED_TYPE);
        expect(instance, REALLOC, REALLOC_TYPE);
        this.memory = instance.memory();
        this.realloc = instance.export(REALLOC);
        this.process = instance.export(PROCESS);
        boolean hasPostReturn = exportNames(module).contains(POST_RETURN);
        if (hasPostReturn) {
            expect(instance, POST_RETURN, FunctionType.empty());
        }
        this.postReturn = hasPostReturn ? instance.export(POST_RETURN) : args -> null;
        initialize(instance);
    }

    /**
     * One record: allocates {@code payload.length} bytes through the guest's {@code cabi_realloc}, copies
     * the payload there and calls {@code fs-process(0, ptr, len)}; the guest emits it and frees it.
     */
    public void process(byte[] payload) {
        reallocArgs[3] = payload.length;
        long ptr = realloc.apply(reallocArgs)[0];
        memory.write((int) ptr, payload);
        long[] args = processArgs;
        args[0] = 0;
        args[1] = ptr;
        args[2] = payload.length;
        process.apply(args);
        postReturn.apply(postReturnArgs);
    }

    /** The total length of everything emitted so far. */
    public long emittedBytes() {
        return emittedBytes;
    }

    // The component's own initialisation, in its order: its start function calls the main module's
    // _initialize (C constructors; dlmalloc needs none, but the component runs it), then Driver.init
    // lowers an empty config list (realloc for zero bytes, as the canonical ABI does) into fs-init.
    private static void initialize(Instance instance) {
        instance.export("_initialize").apply();
        long config = instance.export(REALLOC).apply(0, 0, CONFIG_ALIGN, 0)[0];
        instance.export("fs-init").apply(config, 0);
    }

    private static WasmModule mainModule(byte[] component) {
        List<WasmModule> mains = new ArrayList<>();
        for (byte[] core : ComponentCoreModules.of(component)) {
            WasmModule module = Parser.parse(core);
            if (exportNames(module).contains(PROCESS)) {
                mains.add(module);
            }
        }
        if (mains.size() != 1) {
            throw new IllegalArgumentException("expected one core module exporting " + PROCESS + ", found "
                    + mains.size());
        }
        return mains.get(0);
    }

    // The emit import copies the bytes out; any other import is a bug on this path, so it traps loudly.
    private List<ImportFunction> imports(WasmModule module) {
        List<ImportFunction> functions = new ArrayList<>();
        for (int i = 0; i < module.importSection().importCount(); i++) {
            var imp = module.importSection().getImport(i);
            String where = "import `" + imp.module() + "`, `" + imp.name() + "`";
            if (imp.importType() != ExternalType.FUNCTION) {
                throw new IllegalArgumentException(where + ": only function imports are supported");
            }
            FunctionType type = module.typeSection().getType(((FunctionImport) imp).typeIndex());
            if (imp.module().equals(EMIT_MODULE) && imp.name().equals(EMIT)) {
                if (!type.equals(LOWERED_TYPE)) {
                    throw new IllegalArgumentException(where + ": expected " + LOWERED_TYPE + ", found " + type);
                }
                functions.add(new HostFunction(imp.module(), imp.name(), type, (instance, args) -> {
                    // The host's half of the work, as in RawChicoryEmitter and WasmDriver's emit: copy out.
                    byte[] data = instance.memory().readBytes((int) args[1], (int) args[2]);
                    emittedBytes += data.length;
                    sink.accept(data);
                    return null;
                }));
            } else {
                functions.add(new HostFunction(imp.module(), imp.name(), type, (instance, args) -> {
                    throw new IllegalStateException(where + ": called, but the same-module baseline does not "
                            + "provide it");
                }));
            }
        }
        return functions;
    }

    private static List<String> exportNames(WasmModule module) {
        var exports = module.exportSection();
        return IntStream.range(0, exports.exportCount()).mapToObj(i -> exports.getExport(i).name()).toList();
    }

    private static void expect(Instance instance, String export, FunctionType type) {
        FunctionType actual = instance.exportType(export);
        if (!actual.equals(type)) {
            throw new IllegalArgumentException("export `" + export + "`: expected " + type + ", found " + actual);
        }
    }

    private static FunctionType i32s(int params, boolean result) {
        ValType[] in = new ValType[params];
        Arrays.fill(in, ValType.I32);
        return FunctionType.of(in, result ? new ValType[] {ValType.I32} : new ValType[0]);
    }
}
