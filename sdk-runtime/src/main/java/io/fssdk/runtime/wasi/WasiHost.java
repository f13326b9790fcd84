package io.fssdk.runtime.wasi;

import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.wasi.cli.Environment;
import io.fssdk.runtime.wasi.cli.Exit;
import io.fssdk.runtime.wasi.cli.Stderr;
import io.fssdk.runtime.wasi.cli.Stdin;
import io.fssdk.runtime.wasi.cli.Stdout;
import io.fssdk.runtime.wasi.cli.TerminalInput;
import io.fssdk.runtime.wasi.cli.TerminalOutput;
import io.fssdk.runtime.wasi.cli.TerminalStderr;
import io.fssdk.runtime.wasi.cli.TerminalStdin;
import io.fssdk.runtime.wasi.cli.TerminalStdout;
import io.fssdk.runtime.wasi.clocks.MonotonicClock;
import io.fssdk.runtime.wasi.clocks.WallClock;
import io.fssdk.runtime.wasi.filesystem.Preopens;
import io.fssdk.runtime.wasi.filesystem.Types;
import io.fssdk.runtime.wasi.io.IoError;
import io.fssdk.runtime.wasi.io.JavaInputStream;
import io.fssdk.runtime.wasi.io.JavaOutputStream;
import io.fssdk.runtime.wasi.io.Poll;
import io.fssdk.runtime.wasi.io.Streams;
import io.fssdk.runtime.wasi.random.Insecure;
import io.fssdk.runtime.wasi.random.InsecureSeed;
import io.fssdk.runtime.wasi.random.Random;
import io.fssdk.runtime.wasi.sockets.InstanceNetwork;
import io.fssdk.runtime.wasi.sockets.IpNameLookup;
import io.fssdk.runtime.wasi.sockets.Network;
import io.fssdk.runtime.wasi.sockets.Tcp;
import io.fssdk.runtime.wasi.sockets.TcpCreateSocket;
import io.fssdk.runtime.wasi.sockets.Udp;
import io.fssdk.runtime.wasi.sockets.UdpCreateSocket;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.LoggerFactory;

/**
 * WASI wired into a {@link Linker.Builder}: every interface of
 * <a href="https://github.com/WebAssembly/wasi-cli/blob/v0.2.0/wit/imports.wit">{@code wasi:cli/imports}</a>,
 * defined at {@link #VERSION} so that the linker's semver matching serves guests importing any 0.2.x
 * (jco 1.4's preview1 adapter imports 0.2.0, jco 1.35's 0.2.12). Other imports, such as the
 * {@code wasi:http} of a componentize-js guest, are the embedder's to define or stub.
 *
 * <pre>{@code
 * Linker.Builder builder = Linker.builder();
 * WasiHost wasi = WasiHost.addTo(builder, WasiOptions.builder().name("my-operator").build());
 * ComponentInstance instance = builder.build().instantiate(component);
 * }</pre>
 *
 * <p>The host's state (the stdin position, the log line buffers) belongs to this object, and so to the
 * linker built from the builder: every instance of that linker shares one stdin and one stdout. Use one
 * host per instance when they must be apart. Resource handles are per instance, as always.
 */
public final class WasiHost {
    /** The version every interface is defined at. */
    public static final String VERSION = "0.2.12";

    private final WasiOptions options;
    private final List<LogOutputStream> logs = new ArrayList<>(2);

    private WasiHost(WasiOptions options) {
        this.options = options;
    }

    /**
     * Defines every WASI interface in {@code linker}, granting what {@code options} grants.
     *
     * @return the host, to {@link #flush()} its log output when a run ends
     * @throws IllegalArgumentException when the builder already defines a WASI function or resource
     */
    public static WasiHost addTo(Linker.Builder linker, WasiOptions options) {
        Objects.requireNonNull(linker, "linker");
        WasiHost host = new WasiHost(Objects.requireNonNull(options, "options"));
        host.define(linker);
        return host;
    }

    /** The options it was made with. */
    public WasiOptions options() {
        return options;
    }

    /** Logs any partial last line the guest left in stdout or stderr (when they go to SLF4J). */
    public void flush() {
        logs.forEach(LogOutputStream::drain);
    }

    /**
     * How many bytes of guest stdout and stderr the log rate limit dropped (only output that goes to the
     * log is limited; a stream given in {@link WasiOptions} receives everything).
     */
    public long droppedOutputBytes() {
        return logs.stream().mapToLong(LogOutputStream::droppedBytes).sum();
    }

    private void define(Linker.Builder linker) {
        String v = VERSION;
        IoError error = new IoError();
        Poll poll = new Poll();
        Streams streams = new Streams(error, poll);
        error.define(linker, v);
        poll.define(linker, v);
        streams.define(linker, v);

        new Environment(options.environment(), options.arguments()).define(linker, v);
        new Exit().define(linker, v);
        new Stdin(streams, new JavaInputStream(options.openStdin())).define(linker, v);
        new Stdout(streams, new JavaOutputStream(options.stdout().orElseGet(() -> log(false)))).define(linker, v);
        new Stderr(streams, new JavaOutputStream(options.stderr().orElseGet(() -> log(true)))).define(linker, v);
        new TerminalInput().define(linker, v);
        new TerminalOutput().define(linker, v);
        new TerminalStdin().define(linker, v);
        new TerminalStdout().define(linker, v);
        new TerminalStderr().define(linker, v);

        new MonotonicClock(poll, options.clock()).define(linker, v);
        new WallClock(options.clock()).define(linker, v);

        Types types = new Types(streams, options.clock());
        types.define(linker, v);
        new Preopens(types, options.preopens()).define(linker, v);

        new Random(options.random()).define(linker, v);
        new Insecure(options.random()).define(linker, v);
        new InsecureSeed(options.random()).define(linker, v);

        Network network = new Network();
        network.define(linker, v);
        new InstanceNetwork(network).define(linker, v);
        new Tcp(poll).define(linker, v);
        new TcpCreateSocket().define(linker, v);
        new Udp(poll).define(linker, v);
        new UdpCreateSocket().define(linker, v);
        new IpNameLookup(poll).define(linker, v);
    }

    private OutputStream log(boolean error) {
        LogOutputStream out = new LogOutputStream(
                LoggerFactory.getLogger(error ? "io.fssdk.runtime.wasi.stderr" : "io.fssdk.runtime.wasi.stdout"),
                error, options.name());
        logs.add(out);
        return out;
    }
}
