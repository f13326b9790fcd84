package io.fssdk.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code fssdk} command: runs a Function Stream function (its {@code config.yaml} and its processor
 * component) against Kafka, stdin/stdout or files; inspects components; validates configurations.
 *
 * <pre>
 * java -jar sdk-cli/target/fssdk.jar run --config config.yaml --wasm counter.wasm
 * java -jar sdk-cli/target/fssdk.jar inspect counter.wasm
 * java -jar sdk-cli/target/fssdk.jar validate --config config.yaml --wasm counter.wasm
 * </pre>
 *
 * <p>Exit codes are listed in {@link ExitCodes}.
 */
@Command(name = "fssdk", mixinStandardHelpOptions = true, version = "fssdk 0.1.0",
        description = "Run Function Stream functions (processor components) in a JVM, without a Function Stream "
                + "server.")
public final class FssdkMain implements Runnable {
    private final CliIo io;

    private FssdkMain(CliIo io) {
        this.io = io;
    }

    /**
     * The process entry point: runs the command and exits with its code.
     *
     * @param args the command line; {@code --help} lists the subcommands
     */
    public static void main(String[] args) {
        System.exit(execute(args, System.in, System.out, System.err, stderrIsTerminal()));
    }

    /**
     * Runs the command with the given streams instead of the process's own, and returns its exit code.
     *
     * @param args the command line
     * @param in stdin, read by {@code --input -}
     * @param out stdout
     * @param err stderr
     * @param errIsTerminal whether {@code err} is a terminal (turns the progress line on)
     * @return the exit code, see {@link ExitCodes}
     */
    public static int execute(String[] args, InputStream in, PrintStream out, PrintStream err, boolean errIsTerminal) {
        CliIo io = new CliIo(in, out, err, errIsTerminal);
        CommandLine cli = new CommandLine(new FssdkMain(io))
                .addSubcommand("run", new RunCommand(io))
                .addSubcommand("inspect", new InspectCommand(io))
                .addSubcommand("validate", new ValidateCommand(io));
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // Commands report their own failures; this only catches what escaped them, still as one line.
            return io.fail(e instanceof RuntimeException r ? r : new RuntimeException(e), false);
        });
        return cli.execute(args);
    }

    /** Without a subcommand: print the usage. */
    @Override
    public void run() {
        CommandLine.usage(this, io.err());
    }

    /**
     * Whether the process's stderr is a terminal. Java 17 has no direct test for stderr, so on Linux this
     * reads where file descriptor 2 points; elsewhere it falls back to {@code System.console()}, which
     * tests stdin and stdout.
     */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return System.console() != null;
        }
    }
}
