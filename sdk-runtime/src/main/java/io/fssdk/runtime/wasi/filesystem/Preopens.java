package io.fssdk.runtime.wasi.filesystem;

import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.component.WitValue;
import io.fssdk.runtime.wasi.WasiPreopen;
import io.fssdk.runtime.wasi.io.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * <a href="https://github.com/WebAssembly/wasi-filesystem/blob/v0.2.0/wit/preopens.wit">{@code wasi:filesystem/preopens}</a>:
 * {@code get-directories} hands out a new descriptor for each granted directory, and nothing when none
 * was granted.
 */
public final class Preopens {
    /** The interface name without its version. */
    public static final String INTERFACE = "wasi:filesystem/preopens";

    private final Types types;
    private final List<WasiPreopen> preopens;

    /** Creates the interface over the granted directories, whose descriptors are {@code types}' resources. */
    public Preopens(Types types, List<WasiPreopen> preopens) {
        this.types = types;
        this.preopens = List.copyOf(preopens);
    }

    /** Defines the interface at {@code version}. */
    public void define(Linker.Builder linker, String version) {
        linker.function(INTERFACE + "@" + version, "get-directories", args -> {
            List<WitValue> dirs = new ArrayList<>(preopens.size());
            for (WasiPreopen p : preopens) {
                Descriptor d = Descriptor.directory(new Resolved(p, List.of()));
                dirs.add(WitValue.tuple(types.own(d), WitValue.string(p.guestPath())));
            }
            return Values.result(new WitValue.ListValue(dirs));
        });
    }
}
