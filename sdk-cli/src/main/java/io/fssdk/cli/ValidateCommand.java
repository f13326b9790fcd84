package io.fssdk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fssdk validate --config config.yaml [--wasm PATH]}: checks the configuration and, when given,
 * the component, without running anything. Each problem is one line on stdout,
 * {@code FILE: PATH: MESSAGE}, where {@code PATH} is the field's path in the file
 * ({@code input-groups[0].inputs[0].group_id}). Exit code 0 and one {@code ok} line when there is no
 * problem; {@link ExitCodes#CONFIG_INVALID} when the configuration has any (the component's are listed
 * too); {@link ExitCodes#COMPONENT_INVALID} when only the component has.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a function's config.yaml (and its component) without running anything.")
final class ValidateCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The function's config.yaml.")
    private Path config;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private FunctionSource function;

    @Option(names = "--verbose", description = "Print the stack trace of a failure.")
    private boolean verbose;

    private final CliIo io;

    ValidateCommand(CliIo io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        FunctionConfigReader.Result result = FunctionConfigReader.read(config);
        int problems = 0;
        for (ConfigProblem p : result.problems()) {
            io.out().println(config + ": " + p);
            problems++;
        }
        int code = problems > 0 ? ExitCodes.CONFIG_INVALID : ExitCodes.OK;
        if (function != null && function.isPython()) {
            try {
                function.pythonPath();
            } catch (CliException e) {
                io.out().println(e.getMessage());
                problems++;
                code = code == ExitCodes.OK ? ExitCodes.COMPONENT_INVALID : code;
            }
        } else if (function != null) {
            try {
                ComponentCheck check = ComponentCheck.of(function.wasmPath());
                for (String m : check.missing()) {
                    io.out().println(check.path() + ": missing " + m);
                    problems++;
                }
                if (!check.matchesProcessorWorld() && code == ExitCodes.OK) {
                    code = ExitCodes.COMPONENT_INVALID;
                }
                check.load(); // its core modules too: validate checks everything run would
            } catch (CliException e) {
                io.out().println(e.getMessage());
                if (verbose) {
                    e.printStackTrace(io.err());
                }
                problems++;
                if (code == ExitCodes.OK) {
                    code = e.exitCode();
                }
            }
        }
        if (problems == 0) {
            FunctionConfig c = result.config().orElseThrow();
            io.out().println("ok: " + c.name() + ", " + c.inputs().size() + " input(s), " + c.outputs().size()
                    + " output(s)" + (function != null ? ", component " + function.wasm : ""));
        }
        io.out().flush();
        return code;
    }
}
