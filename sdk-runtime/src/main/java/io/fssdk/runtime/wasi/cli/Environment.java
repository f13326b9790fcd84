package io.fssdk.runtime.wasi.cli;

import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.component.WitValue;
import io.fssdk.runtime.wasi.io.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * <a href="https://github.com/WebAssembly/wasi-cli/blob/v0.2.0/wit/environment.wit">{@code wasi:cli/environment}</a>:
 * only the variables and arguments the embedder granted; no working directory.
 */
public final class Environment {
    /** The interface name without its version. */
    public static final String INTERFACE = "wasi:cli/environment";

    private final WitValue environment;
    private final WitValue arguments;

    /** Creates the interface over granted variables and arguments. */
    public Environment(Map<String, String> environment, List<String> arguments) {
        List<WitValue> vars = new ArrayList<>();
        environment.forEach((k, v) -> vars.add(WitValue.tuple(WitValue.string(k), WitValue.string(v))));
        this.environment = new WitValue.ListValue(vars);
        this.arguments = new WitValue.ListValue(arguments.stream().map(a -> (WitValue) WitValue.string(a)).toList());
    }

    /** Defines the interface at {@code version}. */
    public void define(Linker.Builder linker, String version) {
        String iface = INTERFACE + "@" + version;
        linker.function(iface, "get-environment", args -> Values.result(environment));
        linker.function(iface, "get-arguments", args -> Values.result(arguments));
        // No host working directory leaks to the guest.
        linker.function(iface, "initial-cwd", args -> Values.result(WitValue.none()));
    }
}
