package io.fssdk.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The function's code, Function Stream's {@code function_path}: a processor component, or a Python
 * file (run in the bundled Python runtime component). Exactly one; picocli rejects both.
 */
final class FunctionSource {
    @Option(names = "--wasm", paramLabel = "PATH", description = "The function's processor component (.wasm).")
    Path wasm;

    @Option(names = "--python", paramLabel = "FILE.py",
            description = "A Python function: its operator source, run in the Python runtime component that "
                    + "ships with fssdk (Function Stream's fs-exec contract), in the interpreter.")
    Path python;

    /** Whether the function is a Python file rather than a component. */
    boolean isPython() {
        return python != null;
    }

    /**
     * The Python source, checked to be a readable file.
     *
     * @throws CliException {@link ExitCodes#COMPONENT_INVALID} when it is not
     */
    Path pythonPath() {
        if (!java.nio.file.Files.isRegularFile(python) || !java.nio.file.Files.isReadable(python)) {
            throw new CliException(ExitCodes.COMPONENT_INVALID, "--python " + python
                    + ": no such readable file");
        }
        return python;
    }

    /**
     * The component to run.
     *
     * @throws CliException {@link ExitCodes#COMPONENT_INVALID} for a Python function, which has no
     *     component of its own (callers ask {@link #isPython()} first)
     */
    Path wasmPath() {
        if (wasm != null) {
            return wasm;
        }
        throw new CliException(ExitCodes.COMPONENT_INVALID, "--python " + python + " has no component of its own");
    }
}
