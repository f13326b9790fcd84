package io.fssdk.runtime.processor;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.Module;
import io.fssdk.api.SdkException;
import io.fssdk.runtime.component.Component;
import io.fssdk.runtime.component.ComponentInstance;
import io.fssdk.runtime.component.ExportedFunction;
import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.component.RawCall;
import io.fssdk.runtime.component.WitValue;
import io.fssdk.runtime.guest.GuestResources;
import io.fssdk.runtime.guest.GuestSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One live instance of the guest component, and the calls of its eight exports. A session lives from
 * instantiation until its guest traps, runs past its deadline, reports itself unhealthy, or is closed;
 * then the {@code GuestSupervisor} closes the scans it left open ({@link #resources()}) and starts a new one.
 *
 * <p>{@code fs-process}, {@code fs-process-watermark}, {@code fs-take-checkpoint},
 * {@code fs-check-heartbeat}, {@code fs-close} and {@code fs-custom} run on the raw path: arguments are
 * flattened by hand and bytes copied straight into guest memory. {@code fs-init} and {@code fs-exec}
 * pass lists of tuples, whose arrays the canonical ABI allocates with alignment 4, which only the value
 * path asks {@code cabi_realloc} for; they run once, not per record.
 */
final class ProcessorSession implements GuestSession {
    private final ComponentInstance instance;
    private final GuestResources resources;
    private final ExportedFunction init;
    private final ExportedFunction process;
    private final ExportedFunction watermark;
    private final ExportedFunction checkpoint;
    private final ExportedFunction heartbeat;
    private final ExportedFunction close;
    private final ExportedFunction exec;
    private final ExportedFunction custom;
    /**
     * The core arguments of {@code fs-process} (source id, pointer, length), refilled per record instead of a
     * varargs array per call. Filled only after {@link ExportedFunction#rawCall()} entered the instance, which
     * traps on reentrance, so a nested call can never overwrite it while an outer one uses it; and the engine
     * copies the arguments out before running the guest, so nothing reads it once the call started.
     */
    private final long[] processArgs = new long[3];

    private ProcessorSession(ComponentInstance instance, GuestResources resources) {
        this.instance = instance;
        this.resources = resources;
        this.init = export(ProcessorExports.INIT);
        this.process = export(ProcessorExports.PROCESS);
        this.watermark = export(ProcessorExports.PROCESS_WATERMARK);
        this.checkpoint = export(ProcessorExports.TAKE_CHECKPOINT);
        this.heartbeat = export(ProcessorExports.CHECK_HEARTBEAT);
        this.close = export(ProcessorExports.CLOSE);
        this.exec = export(ProcessorExports.EXEC);
        this.custom = export(ProcessorExports.CUSTOM);
    }

    /**
     * Instantiates the component, which runs its start functions. Host functions called meanwhile register
     * their scans in {@code resources}, which the supervisor created and made current.
     */
    static ProcessorSession start(Linker linker, Component component, GuestResources resources) {
        return new ProcessorSession(linker.instantiate(component), resources);
    }

    @Override
    public GuestResources resources() {
        return resources;
    }

    private ExportedFunction export(String name) {
        return instance.function(name).orElse(null);
    }

    /**
     * Whether the guest's memory is at the cap, i.e. a {@code memory.grow} was refused; asked after a
     * trap to report a memory bomb as a limit rather than an ordinary failure.
     */
    @Override
    public long memoryBytes() {
        return instance.memoryBytes();
    }

    @Override
    public boolean atMemoryCap() {
        return instance.memoryCapReached();
    }

    /** {@code fs-init(config)}; the entries in the map's order. */
    void init(Map<String, String> config) {
        if (init == null) {
            return;
        }
        List<WitValue> entries = new ArrayList<>(config.size());
        try {
            config.forEach((k, v) -> entries.add(WitValue.tuple(WitValue.string(k), WitValue.string(v))));
        } catch (IllegalArgumentException e) {
            throw new SdkException(ErrorCode.CONFIG_INVALID, "the configuration cannot be passed to a component: "
                    + e.getMessage());
        }
        init.call(new WitValue.ListValue(entries));
    }

    /** {@code fs-process(source-id, data)}: the record is copied once, into memory from the guest's realloc. */
    void process(int sourceId, byte[] data) {
        RawCall c = process.rawCall();
        try {
            int ptr = c.writeBytes(data);
            long[] args = processArgs;
            args[0] = Integer.toUnsignedLong(sourceId);
            args[1] = Integer.toUnsignedLong(ptr);
            args[2] = data.length;
            c.invoke(args);
        } finally {
            c.close();
        }
    }

    /** {@code fs-process-watermark(source-id, watermark)}. */
    void processWatermark(int sourceId, long value) {
        scalars(watermark, Integer.toUnsignedLong(sourceId), value);
    }

    /** {@code fs-take-checkpoint(checkpoint-id)}. */
    void takeCheckpoint(long checkpointId) {
        scalars(checkpoint, checkpointId);
    }

    /** {@code fs-check-heartbeat()}; {@code true} when the guest does not export it. */
    boolean checkHeartbeat() {
        if (heartbeat == null) {
            return true;
        }
        return (int) scalars(heartbeat)[0] != 0;
    }

    /** {@code fs-close()}. */
    void close() {
        scalars(close);
    }

    /** {@code fs-exec(class-name, modules)}. */
    void exec(String className, List<Module> modules) {
        if (exec == null) {
            return;
        }
        List<WitValue> list = new ArrayList<>(modules.size());
        for (Module m : modules) {
            list.add(WitValue.tuple(WitValue.string(m.name()), WitValue.bytes(m.bytes())));
        }
        exec.call(WitValue.string(className), new WitValue.ListValue(list));
    }

    /**
     * {@code fs-custom(payload)}: the result is a {@code list<u8>} returned through memory, so the core
     * function returns a pointer to its (pointer, length); post-return (on close) lets the guest free it.
     */
    byte[] custom(byte[] payload) {
        if (custom == null) {
            return payload.clone();
        }
        RawCall c = custom.rawCall();
        try {
            int ptr = c.writeBytes(payload);
            int ret = (int) c.invoke(Integer.toUnsignedLong(ptr), payload.length)[0];
            // The (pointer, length) pair has alignment 4; a guest returning any other pointer traps.
            c.checkArea(ret, 8, 4);
            return c.readBytes(c.loadI32(ret), c.loadI32(ret + 4));
        } finally {
            c.close();
        }
    }

    /** Calls an export whose parameters are all scalars; a missing export does nothing. */
    private long[] scalars(ExportedFunction f, long... args) {
        if (f == null) {
            return new long[0];
        }
        RawCall c = f.rawCall();
        try {
            return c.invoke(args);
        } finally {
            c.close();
        }
    }
}
