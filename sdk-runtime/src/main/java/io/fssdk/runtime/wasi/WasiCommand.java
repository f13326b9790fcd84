package io.fssdk.runtime.wasi;

import io.fssdk.runtime.component.Component;
import io.fssdk.runtime.component.ComponentInstance;
import io.fssdk.runtime.component.ExportedFunction;
import io.fssdk.runtime.component.LinkException;
import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.component.TrapException;
import io.fssdk.runtime.component.WitValue;
import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * Runs command components: components exporting
 * <a href="https://github.com/WebAssembly/wasi-cli/blob/v0.2.0/wit/run.wit">{@code wasi:cli/run}</a> (any
 * 0.2.x), as a shell runs a program: call {@code run}, collect the output, report the exit status.
 *
 * <pre>{@code
 * WasiRunResult r = WasiCommand.run(Component.load(path), WasiOptions.builder().args("tool", "-v").build());
 * System.out.println(r.exitCode() + ": " + r.stdoutText());
 * }</pre>
 */
public final class WasiCommand {
    private static final String RUN = "wasi:cli/run";

    private WasiCommand() {
    }

    /**
     * Instantiates {@code component} with WASI and runs it, capturing stdout and stderr (whatever
     * {@code options} said about them). A guest that calls {@code exit} during instantiation has run too.
     *
     * @throws LinkException when the component imports something besides WASI, or exports no {@code run}
     * @throws TrapException when the guest traps other than by exiting
     */
    public static WasiRunResult run(Component component, WasiOptions options) {
        return run(component, options, Linker.builder());
    }

    /**
     * As {@link #run(Component, WasiOptions)}, with WASI added to {@code linker}, which defines the
     * component's other imports (or stubs them).
     */
    public static WasiRunResult run(Component component, WasiOptions options, Linker.Builder linker) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        WasiHost.addTo(linker, options.toBuilder().stdout(out).stderr(err).build());
        int status;
        try {
            status = run(linker.build().instantiate(component));
        } catch (TrapException e) {
            status = exitStatus(e);
        }
        return new WasiRunResult(status, out.toByteArray(), err.toByteArray());
    }

    /**
     * Calls the {@code run} export of an instance whose WASI the caller wired (see
     * {@link WasiHost#addTo}).
     *
     * @return 0 when {@code run} returned {@code ok}, 1 for {@code err}, or the status passed to
     *     {@code exit}
     * @throws LinkException when the instance exports no {@code wasi:cli/run}
     * @throws TrapException when the guest traps other than by exiting
     */
    public static int run(ComponentInstance instance) {
        ExportedFunction run = runExport(instance)
                .orElseThrow(() -> new LinkException("no exported function `" + RUN + "@0.2.x#run`"));
        try {
            Optional<WitValue> result = run.call();
            return result.isPresent() && ((WitValue.ResultValue) result.get()).ok() ? 0 : 1;
        } catch (TrapException e) {
            return exitStatus(e);
        }
    }

    /** The {@code run} function of any 0.2.x {@code wasi:cli/run} the instance exports. */
    public static Optional<ExportedFunction> runExport(ComponentInstance instance) {
        for (String name : instance.functionNames()) {
            if ((name.startsWith(RUN + "@0.2.") || name.startsWith(RUN + "#")) && name.endsWith("#run")) {
                return instance.function(name);
            }
        }
        return Optional.empty();
    }

    private static int exitStatus(TrapException e) {
        return WasiExitException.findIn(e).map(WasiExitException::status).orElseThrow(() -> e);
    }
}
