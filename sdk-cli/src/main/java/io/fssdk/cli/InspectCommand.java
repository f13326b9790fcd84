package io.fssdk.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fssdk inspect COMPONENT}: prints a component's size, its core modules with their function
 * counts, whether it matches the {@code processor} world (naming what is missing), and its imports and
 * exports as WIT. Nothing of the component runs. Exit code 0 when the file is a component (whether or
 * not it is a processor), {@link ExitCodes#COMPONENT_INVALID} otherwise.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Print a component's imports and exports (WIT), size, core modules and whether it is a "
                + "processor.")
final class InspectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "COMPONENT", description = "The component (.wasm) to inspect.")
    private Path component;

    @Option(names = "--verbose", description = "Print the stack trace of a failure.")
    private boolean verbose;

    private final CliIo io;

    InspectCommand(CliIo io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        ComponentCheck check;
        try {
            check = ComponentCheck.of(component);
        } catch (RuntimeException e) {
            return io.fail(e, verbose);
        }
        StringBuilder s = new StringBuilder();
        s.append("component: ").append(check.path()).append('\n');
        s.append("size: ").append(String.format(Locale.ROOT, "%,d", check.sizeBytes())).append(" bytes\n");
        s.append("core modules: ").append(check.layout().modules().size()).append('\n');
        for (ComponentLayout.CoreModule m : check.layout().modules()) {
            s.append(String.format(Locale.ROOT, "  %-24s %,12d bytes  %,7d functions (%,d defined, %,d imported)%n",
                    m.path(), m.sizeBytes(), m.definedFunctions() + m.importedFunctions(), m.definedFunctions(),
                    m.importedFunctions()));
        }
        s.append("processor world (functionstream:core@0.1.0): ")
                .append(check.matchesProcessorWorld() ? "matches" : "does not match").append('\n');
        for (String m : check.missing()) {
            s.append("  missing: ").append(m).append('\n');
        }
        for (String n : check.notes()) {
            s.append("  note: ").append(n).append('\n');
        }
        s.append("wit:\n");
        for (String line : check.description().wit().strip().split("\n")) {
            s.append("  ").append(line).append('\n');
        }
        io.out().print(s);
        io.out().flush();
        return ExitCodes.OK;
    }
}
