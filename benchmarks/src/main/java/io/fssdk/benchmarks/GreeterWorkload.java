package io.fssdk.benchmarks;

import io.fssdk.runtime.component.Component;
import io.fssdk.runtime.component.ComponentInstance;
import io.fssdk.runtime.component.ExportedFunction;
import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.component.WitValue;
import io.fssdk.runtime.wasi.WasiHost;
import io.fssdk.runtime.wasi.WasiOptions;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A peer workload for a component of world {@code greeter} ({@code greet: func(name: string) -> string}):
 * the StarlingMonkey (componentize-js) component, where no StarlingMonkey processor exists. WASI grants
 * nothing and the guest's stdout ({@code console.log}) is discarded, as in the other hosts; its {@code wasi:http}
 * imports, which no host here defines, are trap stubs (wasmtime's peer does the same).
 */
final class GreeterWorkload implements PeerWorkload {
    private final Component component;
    private final WitValue[] names;
    private ExportedFunction greet;
    private int next;
    private byte[] last = new byte[0];

    GreeterWorkload(Component component, byte[][] inputs) {
        this.component = component;
        this.names = new WitValue[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            names[i] = WitValue.string(new String(inputs[i], StandardCharsets.UTF_8));
        }
        restart();
    }

    @Override
    public void one() {
        WitValue out = greet.call(names[next]).orElseThrow();
        next = next + 1 == names.length ? 0 : next + 1;
        last = ((WitValue.Str) out).value().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] last() {
        return last;
    }

    @Override
    public void restart() {
        Linker.Builder linker = Linker.builder().stubUnknownImports(true);
        WasiHost.addTo(linker, WasiOptions.builder().name("peer").stdout(OutputStream.nullOutputStream()).build());
        ComponentInstance instance = linker.build().instantiate(component);
        greet = instance.function("greet").orElseThrow(() -> new IllegalArgumentException("no export greet"));
        next = 0;
        last = new byte[0];
    }

    @Override
    public void close() {
        greet = null;
    }
}
