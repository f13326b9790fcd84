package io.fssdk.benchmarks;

import io.fssdk.api.Driver;
import io.fssdk.examples.CounterOperator;
import io.fssdk.runtime.component.Component;
import io.fssdk.runtime.component.ComponentOptions;
import io.fssdk.runtime.component.ExecutionMode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Our side of the peer comparison (the successor of the one-shot {@code PeerMain}): a host serving the
 * line protocol that every peer host speaks (node's {@code bench.mjs}, the wasmtime host), so that
 * {@link PeerRun} can rotate one short window at a time across all of them. Commands on stdin, one reply
 * line each on stdout:
 * <pre>
 *   LOAD &lt;id&gt; &lt;processor|greeter&gt; &lt;component.wasm | native:counter|emit-once|host-calls&gt; &lt;input&gt;
 *        -&gt; LOADED &lt;id&gt; &lt;compile ms&gt; &lt;instantiate+init ms&gt; &lt;first record ms&gt;
 *   RUN &lt;id&gt; &lt;millis&gt;  -&gt; RATE &lt;id&gt; &lt;records/s&gt; &lt;records&gt;
 *   CHECK &lt;id&gt; &lt;n&gt;     -&gt; LAST &lt;id&gt; &lt;last record a fresh instance emits after n records&gt;
 *   UNLOAD &lt;id&gt;        -&gt; UNLOADED &lt;id&gt;
 *   QUIT
 * </pre>
 * Inputs are described in {@link PeerInputs}. A failure answers {@code ERROR <id> <message>} and the
 * host keeps serving. Components run with WasmDriver's defaults on the in-memory backend, through the
 * runner, as an embedder gets them; {@code native:*} are the Java drivers doing the same work. The system
 * property {@code fssdk.peer.codeCache} names an on-disk code cache for compiled components (none by default).
 */
public final class PeerHost {
    private final Map<String, PeerWorkload> loaded = new HashMap<>();
    private final PrintStream out;

    private PeerHost(PrintStream out) {
        this.out = out;
    }

    /** Serves stdin until QUIT or end of input. */
    public static void main(String[] args) throws Exception {
        // Guest and library logging must not interleave with the protocol on stdout.
        PrintStream protocol = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        PeerHost host = new PeerHost(protocol);
        protocol.println("READY java-" + Runtime.version());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            if (line.equals("QUIT")) {
                break;
            }
            protocol.println(host.answer(line));
        }
        host.loaded.values().forEach(PeerWorkload::close);
    }

    private String answer(String line) {
        String[] p = line.split(" ", 5);
        String id = p.length > 1 ? p[1] : "-";
        try {
            switch (p[0]) {
                case "LOAD":
                    return load(id, p[2], p[3], p[4]);
                case "RUN":
                    return run(id, Long.parseLong(p[2]));
                case "CHECK":
                    return check(id, Integer.parseInt(p[2]));
                case "UNLOAD":
                    PeerWorkload w = loaded.remove(id);
                    if (w != null) {
                        w.close();
                    }
                    return "UNLOADED " + id;
                default:
                    throw new IllegalArgumentException("bad command: " + line);
            }
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            // One line, so that PeerRun can put it in the table; the host keeps serving.
            String message = e.getMessage() == null ? "" : e.getMessage();
            return "ERROR " + id + " " + (e.getClass().getSimpleName() + ": " + message).replace('\n', ' ');
        }
    }

    private String load(String id, String kind, String path, String input) throws Exception {
        byte[][] inputs = PeerInputs.parse(input);
        long t0 = System.nanoTime();
        PeerWorkload w;
        long t1;
        if (path.startsWith("native:")) {
            Supplier<Driver> drivers = switch (path) {
                case "native:counter" -> CounterOperator::new;
                case "native:emit-once" -> EmitOnceOperator::new;
                case "native:host-calls" -> HostCallsOperator::new;
                default -> throw new IllegalArgumentException("unknown native workload " + path);
            };
            t1 = System.nanoTime();
            w = new RunnerWorkload(drivers, inputs);
        } else {
            ComponentOptions.Builder options = ComponentOptions.builder().executionMode(ExecutionMode.COMPILER);
            // Off by default, so that the compile column is a cold compile; run.sh --code-cache turns it on.
            String cache = System.getProperty("fssdk.peer.codeCache");
            if (cache != null) {
                options.codeCache(Path.of(cache));
            }
            Component component = Component.load(Files.readAllBytes(Path.of(path)), options.build()).compile();
            t1 = System.nanoTime();
            w = switch (kind) {
                case "processor" -> new RunnerWorkload(ComponentOperator.of(component), inputs);
                case "greeter" -> new GreeterWorkload(component, inputs);
                default -> throw new IllegalArgumentException("unknown kind " + kind);
            };
        }
        long t2 = System.nanoTime();
        w.one();
        long t3 = System.nanoTime();
        PeerWorkload old = loaded.put(id, w);
        if (old != null) {
            old.close();
        }
        return String.format(Locale.ROOT, "LOADED %s %.1f %.1f %.1f", id, (t1 - t0) / 1e6, (t2 - t1) / 1e6,
                (t3 - t2) / 1e6);
    }

    private PeerWorkload workload(String id) {
        PeerWorkload w = loaded.get(id);
        if (w == null) {
            throw new IllegalArgumentException("not loaded");
        }
        return w;
    }

    /**
     * Runs records for {@code millis}. The clock is read after batches that start at one record and double
     * up to 64 while a batch takes under 100 µs, as in the other hosts: fast workloads pay for a clock read
     * every 64 records, and a slow one (a QuickJS record can take a second on a busy machine) overruns
     * its window by one record, not 64.
     */
    private String run(String id, long millis) {
        PeerWorkload w = workload(id);
        long start = System.nanoTime();
        long end = start + millis * 1_000_000L;
        long count = 0;
        int batch = 1;
        long now = start;
        do {
            long before = now;
            for (int i = 0; i < batch; i++) {
                w.one();
            }
            count += batch;
            now = System.nanoTime();
            if (batch < 64 && now - before < 100_000) {
                batch *= 2;
            }
        } while (now < end);
        return String.format(Locale.ROOT, "RATE %s %.1f %d", id, count * 1e9 / (now - start), count);
    }

    private String check(String id, int n) {
        PeerWorkload w = workload(id);
        w.restart();
        for (int i = 0; i < n; i++) {
            w.one();
        }
        return "LAST " + id + " " + new String(w.last(), StandardCharsets.UTF_8);
    }
}
