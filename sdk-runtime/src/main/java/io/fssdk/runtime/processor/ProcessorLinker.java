package io.fssdk.runtime.processor;

import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.component.ResourceType;
import io.fssdk.runtime.guest.HostCalls;
import io.fssdk.runtime.wasi.WasiHost;
import io.fssdk.runtime.wasi.WasiOptions;

/**
 * The {@link Linker} of one {@link WasmDriver}, and the WASI host linked into it. The linker defines the
 * {@code store} and {@code iterator} resource types, the kv and collector host functions, and every WASI
 * 0.2 interface (granting what the driver's {@link WasiOptions} grant, nothing by default). It is built
 * once per driver and reused by every instance the driver starts; the host functions reach the current
 * call's context through {@link HostCalls}.
 *
 * @param linker the linker
 * @param wasi the WASI host, whose buffered log lines are flushed when an instance ends
 */
record ProcessorLinker(Linker linker, WasiHost wasi) {
    /**
     * Builds the linker.
     *
     * @param stubUnknownImports whether imports nobody defines (e.g. the {@code wasi:http} a componentize-js
     *     guest imports but never calls) become functions that trap when called, instead of failing
     *     instantiation
     */
    static ProcessorLinker build(HostCalls calls, boolean stubUnknownImports, WasiOptions wasiOptions) {
        // Dropping a store handle closes only the guest's handle: the Store belongs to the runner's context,
        // which hands the same one to every handle of that name and closes it when the runner closes.
        ResourceType store = ResourceType.host("store", KvTypes.KV, rep -> { });
        // Dropping an iterator handle closes the scan, releasing its snapshot (native memory in RocksDB).
        ResourceType iterator = ResourceType.host("iterator", KvTypes.KV, rep -> ((GuestIterator) rep).close());
        Linker.Builder b = Linker.builder()
                .resource(KvTypes.KV, store)
                .resource(KvTypes.KV, iterator)
                .stubUnknownImports(stubUnknownImports);
        CollectorHost.define(b, calls);
        KvHost.define(b, new KvTypes(store, iterator), calls);
        WasiHost wasi = WasiHost.addTo(b, wasiOptions);
        return new ProcessorLinker(b.build(), wasi);
    }
}
