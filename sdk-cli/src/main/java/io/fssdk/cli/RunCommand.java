package io.fssdk.cli;

import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.runtime.OperatorRunner;
import io.fssdk.runtime.component.Component;
import io.fssdk.runtime.component.ComponentOptions;
import io.fssdk.runtime.processor.WasmDriver;
import io.fssdk.store.rocksdb.RocksDBStateBackend;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fssdk run --config config.yaml --wasm PATH}: runs a Function Stream function, as Function
 * Stream would, against the Kafka inputs and outputs of its configuration, or against stdin, stdout and
 * files ({@code --input}, {@code --output}). State lives in a RocksDB directory, so a second run
 * continues it. See {@link Pipeline} for the commit order (at-least-once by default, Kafka transactions
 * with {@code --exactly-once}) and {@link ErrorPolicy} for {@code --on-error}.
 */
@Command(name = "run", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Run a function's config.yaml with its processor component.")
final class RunCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The function's config.yaml.")
    private Path config;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private FunctionSource function;

    @Option(names = "--input", paramLabel = "FILE|-",
            description = "Read lines from this file (`-`: stdin) instead of the config's Kafka inputs; repeat for "
                    + "source ids 0, 1, ...")
    private List<String> inputs = new ArrayList<>();

    @Option(names = "--output", paramLabel = "FILE|-",
            description = "Write target i's records as lines to the i-th --output (`-`: stdout) instead of the "
                    + "config's Kafka outputs.")
    private List<String> outputs = new ArrayList<>();

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "The RocksDB state directory (default: state/NAME, NAME from the config).")
    private Path stateDir;

    @Option(names = "--on-error", paramLabel = "POLICY", defaultValue = "fail",
            converter = Converters.ErrorPolicyConverter.class,
            description = "What a failing record does: fail (stop, exit 1), skip, or dead-letter.")
    private ErrorPolicy onError;

    @Option(names = "--dead-letter", paramLabel = "FILE|kafka://HOST:PORT/TOPIC",
            description = "Where --on-error dead-letter writes failed records: a JSON-lines file or a Kafka topic.")
    private String deadLetter;

    @Option(names = "--exactly-once",
            description = "Kafka transactions: outputs and input offsets commit together (consumers must read "
                    + "read_committed), and the state restarts from the checkpoint of the last committed "
                    + "transaction. Needs Kafka inputs and outputs on one cluster.")
    private boolean exactlyOnce;

    @Option(names = "--checkpoint-interval", paramLabel = "DURATION", defaultValue = "5s",
            converter = Converters.DurationConverter.class,
            description = "How often outputs are flushed, state checkpointed and offsets committed.")
    private Duration checkpointInterval;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "30s",
            converter = Converters.DurationConverter.class,
            description = "How long to retry reaching a Kafka cluster before giving up (exit 5).")
    private Duration connectTimeout;

    @Option(names = "--exit-when-idle", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
            description = "Stop (cleanly) when no record came for this long; by default a Kafka run never stops.")
    private Duration exitWhenIdle;

    @Option(names = "--metrics-port", paramLabel = "N",
            description = "Serve Prometheus metrics at http://HOST:N/metrics.")
    private Integer metricsPort;

    @Option(names = "--progress", description = "Show the progress line even when stderr is not a terminal.")
    private boolean progress;

    @Option(names = "--stub-unknown-imports",
            description = "Let a component import functions the host lacks; they trap when called.")
    private boolean stubUnknownImports;

    @Option(names = "--code-cache", paramLabel = "DIR",
            description = "Where compiled guest code is kept between runs (default: $XDG_CACHE_HOME/fssdk/code, "
                    + "else ~/.cache/fssdk/code).")
    private Path codeCache;

    @Option(names = "--no-code-cache", description = "Compile the guest afresh, keeping nothing on disk.")
    private boolean noCodeCache;

    @Option(names = "--verbose", description = "Print the stack trace of a failure.")
    private boolean verbose;

    private final CliIo io;

    RunCommand(CliIo io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        try {
            run(new AtomicBoolean());
            return ExitCodes.OK;
        } catch (RuntimeException e) {
            return io.fail(e, verbose);
        }
    }

    private void run(AtomicBoolean stop) {
        FunctionConfig fc = readConfig();
        ComponentCheck component = function.isPython() ? null : ComponentCheck.of(function.wasmPath());
        Path pythonSource = function.isPython() ? function.pythonPath() : null;
        if (component != null && !component.matchesProcessorWorld()
                && !(stubUnknownImports && onlyImportsMissing(component))) {
            throw new CliException(ExitCodes.COMPONENT_INVALID, "component " + component.path()
                    + " is not a processor (functionstream:core@0.1.0): missing " + String.join("; ",
                    component.missing()));
        }
        checkOptions(fc);
        reachKafka(fc);
        Path state = stateDir != null ? stateDir : Path.of("state", fc.name());
        try {
            Files.createDirectories(state);
        } catch (IOException e) {
            throw new CliException(ExitCodes.RUN_FAILED, "cannot create the state directory " + state + ": " + e, e);
        }
        String clientId = "fssdk-" + fc.name();
        List<AutoCloseable> open = new ArrayList<>();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            // SIGINT/SIGTERM: stop polling, commit, close; wait a bounded time for the loop to get there.
            stop.set(true);
            try {
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "fssdk-shutdown");
        boolean hooked = false;
        RuntimeException primary = null;
        try {
            MetricsServer metrics = null;
            if (metricsPort != null) {
                metrics = track(open, new MetricsServer(metricsPort, fc.name(), state));
            }
            Map<String, ProducerHandle> producers = new LinkedHashMap<>();
            RecordSink[] sinks = sinks(fc, producers, open, clientId);
            DeadLetterSink dead = deadLetterSink(producers, open, clientId);
            RocksDBStateBackend backend = track(open, openState(state, fc));
            WasmDriver.Builder driver = WasmDriver.builder().operatorName(fc.name())
                    .stubUnknownImports(stubUnknownImports);

            if (pythonSource != null) {
                driver.python(pythonSource); // the bundled runtime component, interpreted, fs-exec'ing the source
            } else {
                ComponentOptions.Builder options = ComponentOptions.builder().name(fc.name());
                if (!noCodeCache) {
                    // On by default: a second run of the same component skips compiling it (seconds for a big
                    // guest). Entries are checked on read, so a shared or damaged cache is safe.
                    options.codeCache(codeCache != null ? codeCache : ComponentOptions.defaultCodeCacheDirectory());
                }
                driver.component(component.load(options.build()));
            }
            OperatorRunner.Builder runnerBuilder = OperatorRunner.builder().operatorName(fc.name())
                    .stateBackend(backend).config(fc.initConfig());
            if (metrics != null) {
                driver.meterRegistry(metrics.registry());
                runnerBuilder.meterRegistry(metrics.registry());
            }
            WasmDriver wasm = driver.build();
            Pipeline.Builder p = new Pipeline.Builder();
            p.operator = fc.name();
            p.sinks = sinks;
            EmitBuffer[] emits = new EmitBuffer[1];
            OperatorRunner runner = track(open, runnerBuilder.driver(wasm)
                    .outputSink((target, data) -> emits[0].emit(target, data)).build());
            runner.init();
            List<RecordSource> sources = sources(fc, open, clientId);
            p.runner = runner;
            p.sources = sources;
            p.policy = onError;
            p.deadLetter = dead;
            p.metrics = metrics;
            p.checkpoints = new CheckpointIds(backend.checkpointDirectory(), 2);
            p.transactional = exactlyOnce ? transactionalProducer(producers) : null;
            p.checkpointInterval = checkpointInterval;
            p.exitWhenIdle = exitWhenIdle;
            p.stop = stop;
            p.guestMemory = wasm::memoryBytes;
            if (progress || io.errIsTerminal()) {
                p.progress = track(open, new Progress(io.err(), fc.name()));
            }
            Pipeline pipeline = p.build();
            emits[0] = pipeline.emitBuffer();
            Runtime.getRuntime().addShutdownHook(hook);
            hooked = true;
            pipeline.run();
            Component loaded = wasm.component();
            if (loaded != null && loaded.options().codeCache().isPresent() && loaded.compiling()) {
                // Compiler threads are daemons: exiting now would drop the work, and a big guest would be
                // compiled again on every short run instead of starting warm from the cache.
                io.err().println("[" + fc.name() + "] finishing the compile for the code cache; the next run "
                        + "starts compiled");
                loaded.compileAndWait();
            }
        } catch (RuntimeException e) {
            primary = e;
            throw e;
        } finally {
            RuntimeException closeFailure = closeAll(open);
            finished.countDown();
            if (hooked) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // The JVM is already shutting down (the hook is running): nothing to remove.
                }
            }
            // A failure to close never hides the failure that ended the run.
            if (closeFailure != null) {
                if (primary != null) {
                    primary.addSuppressed(closeFailure);
                } else {
                    throw closeFailure;
                }
            }
        }
    }

    /**
     * Opens the state. With {@code --exactly-once} it is first replaced by the checkpoint whose input
     * positions are the committed offsets ({@link CommittedPositions}), so that state updates of a
     * transaction that never committed are rolled back with it.
     */
    private RocksDBStateBackend openState(Path state, FunctionConfig fc) {
        Path dir = state.toAbsolutePath().normalize();
        Path checkpoints = dir.resolveSibling(dir.getFileName() + "-checkpoints");
        RocksDBStateBackend.Builder b = RocksDBStateBackend.builder().directory(dir).checkpointDirectory(checkpoints);
        if (exactlyOnce) {
            CommittedPositions.choose(checkpoints, new CheckpointIds(checkpoints, 2).newestFirst(),
                    fc.inputs().get(0).bootstrapServers(), connectTimeout)
                    .ifPresent(id -> b.restoreFrom(checkpoints.resolve(Long.toString(id))));
        }
        return b.build();
    }

    private FunctionConfig readConfig() {
        FunctionConfigReader.Result r = FunctionConfigReader.read(config);
        if (!r.problems().isEmpty()) {
            int more = r.problems().size() - 1;
            throw new CliException(ExitCodes.CONFIG_INVALID, config + ": " + r.problems().get(0)
                    + (more > 0 ? " (and " + more + " more problem(s); `fssdk validate` lists them)" : ""));
        }
        return r.config().orElseThrow();
    }

    private static boolean onlyImportsMissing(ComponentCheck c) {
        return c.missing().stream().allMatch(m -> m.startsWith("import `"));
    }

    private void checkOptions(FunctionConfig fc) {
        if (onError == ErrorPolicy.DEAD_LETTER && deadLetter == null) {
            throw new CliException(ExitCodes.USAGE, "--on-error dead-letter needs --dead-letter FILE|kafka://HOST:PORT/TOPIC");
        }
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new CliException(ExitCodes.USAGE, "--checkpoint-interval must be positive");
        }
        if (exactlyOnce) {
            if (!inputs.isEmpty() || !outputs.isEmpty()) {
                throw new CliException(ExitCodes.USAGE, "--exactly-once needs the config's Kafka inputs and outputs, "
                        + "not --input/--output");
            }
            Set<String> clusters = new LinkedHashSet<>();
            fc.inputs().forEach(i -> clusters.add(i.bootstrapServers()));
            fc.outputs().forEach(o -> clusters.add(o.bootstrapServers()));
            if (clusters.size() != 1) {
                throw new CliException(ExitCodes.USAGE, "--exactly-once needs every input and output on one Kafka "
                        + "cluster (one transaction), but the config names " + clusters);
            }
        }
    }

    private void reachKafka(FunctionConfig fc) {
        Map<String, String> clusters = new LinkedHashMap<>();
        if (inputs.isEmpty()) {
            fc.inputs().forEach(i -> clusters.putIfAbsent(i.bootstrapServers(), i.path()));
        }
        if (outputs.isEmpty()) {
            fc.outputs().forEach(o -> clusters.putIfAbsent(o.bootstrapServers(), o.path()));
        }
        if (deadLetter != null && deadLetter.startsWith("kafka://")) {
            clusters.putIfAbsent(kafkaUri(deadLetter)[0], "--dead-letter");
        }
        clusters.forEach((servers, usedBy) -> KafkaReachability.check(servers, connectTimeout, usedBy));
    }

    private RecordSink[] sinks(FunctionConfig fc, Map<String, ProducerHandle> producers, List<AutoCloseable> open,
            String clientId) {
        if (!outputs.isEmpty()) {
            RecordSink[] sinks = new RecordSink[outputs.size()];
            for (int i = 0; i < sinks.length; i++) {
                String o = outputs.get(i);
                sinks[i] = track(open, o.equals("-") ? new LineSink("stdout", io.out(), false)
                        : new LineSink(o, openFile(o), true));
            }
            return sinks;
        }
        RecordSink[] sinks = new RecordSink[fc.outputs().size()];
        for (KafkaOutput o : fc.outputs()) {
            sinks[o.targetId()] = new KafkaSink(o, producer(producers, o.bootstrapServers(), open, clientId));
        }
        return sinks;
    }

    private ProducerHandle producer(Map<String, ProducerHandle> producers, String servers, List<AutoCloseable> open,
            String clientId) {
        ProducerHandle h = producers.get(servers);
        if (h == null) {
            // Stable across runs, so a restarted run fences a stale one (Kafka's zombie fencing).
            String txId = exactlyOnce ? clientId : null;
            h = track(open, new ProducerHandle(servers, clientId + "-producer-" + producers.size(), connectTimeout,
                    txId));
            if (txId != null) {
                h.producer().initTransactions();
            }
            producers.put(servers, h);
        }
        return h;
    }

    private static org.apache.kafka.clients.producer.KafkaProducer<byte[], byte[]> transactionalProducer(
            Map<String, ProducerHandle> producers) {
        return producers.values().iterator().next().producer();
    }

    private DeadLetterSink deadLetterSink(Map<String, ProducerHandle> producers, List<AutoCloseable> open,
            String clientId) {
        if (deadLetter == null) {
            return null;
        }
        if (deadLetter.startsWith("kafka://")) {
            String[] uri = kafkaUri(deadLetter);
            return new KafkaDeadLetterSink(uri[1], producer(producers, uri[0], open, clientId));
        }
        return track(open, new FileDeadLetterSink(Path.of(deadLetter)));
    }

    /** {@code kafka://HOST:PORT[,HOST:PORT]/TOPIC} as {servers, topic}. */
    private static String[] kafkaUri(String value) {
        String rest = value.substring("kafka://".length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            throw new CliException(ExitCodes.USAGE, "--dead-letter " + value + ": expected kafka://HOST:PORT/TOPIC");
        }
        URI.create("kafka://" + rest.substring(0, slash)); // rejects characters no address has
        return new String[] {rest.substring(0, slash), rest.substring(slash + 1)};
    }

    private List<RecordSource> sources(FunctionConfig fc, List<AutoCloseable> open, String clientId) {
        List<RecordSource> sources = new ArrayList<>();
        if (!inputs.isEmpty()) {
            for (int i = 0; i < inputs.size(); i++) {
                String in = inputs.get(i);
                sources.add(track(open, in.equals("-") ? new LineSource(i, "stdin", io.in(), false)
                        : new LineSource(i, in, openInput(in), true)));
            }
            return sources;
        }
        for (KafkaInput in : fc.inputs()) {
            sources.add(track(open, new KafkaSource(in, clientId + "-consumer-" + in.sourceId(), exactlyOnce)));
        }
        return sources;
    }

    private static InputStream openInput(String file) {
        try {
            return Files.newInputStream(Path.of(file));
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, "cannot read --input " + file + ": " + e, e);
        }
    }

    private static OutputStream openFile(String file) {
        try {
            return Files.newOutputStream(Path.of(file));
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, "cannot write --output " + file + ": " + e, e);
        }
    }

    private static <T extends AutoCloseable> T track(List<AutoCloseable> open, T resource) {
        open.add(resource);
        return resource;
    }

    /** Closes newest first (the runner before the backend, sources before producers); keeps the first failure. */
    private static RuntimeException closeAll(List<AutoCloseable> open) {
        RuntimeException failure = null;
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception e) {
                RuntimeException r = e instanceof RuntimeException re ? re
                        : new SdkException(ErrorCode.STORE_IO, "cannot close: " + e, e);
                if (failure == null) {
                    failure = r;
                } else {
                    failure.addSuppressed(r);
                }
            }
        }
        return failure;
    }
}
