package io.fssdk.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The function's code, Function Stream's {@code function_path}: a processor component, or a Python
 * file. Exactly one; picocli rejects both.
 */
final class FunctionSource {
    @Option(names = "--wasm", paramLabel = "PATH", description = "The function's processor component (.wasm).")
    Path wasm;

    @Option(names = "--python", paramLabel = "FILE.py",
            description = "A Python function (type: python). Not supported: it needs Function Stream's Python "
                    + "runtime; build a processor component instead.")
    Path python;

    /**
     * The component to run.
     *
     * @throws CliException {@link ExitCodes#COMPONENT_INVALID} for a Python function, which no JVM runtime
     *     here can run
     */
    Path wasmPath() {
        if (wasm != null) {
            return wasm;
        }
        throw new CliException(ExitCodes.COMPONENT_INVALID, "--python " + python + ": Python functions run in "
                + "Function Stream's Python runtime, which fssdk does not embed; build the function as a processor "
                + "component (componentize-py) and pass --wasm");
    }
}
