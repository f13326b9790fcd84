package io.fssdk.cli;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * {@code --metrics-port N}: a Prometheus registry served at {@code http://HOST:N/metrics} by the JDK's
 * HTTP server, holding the runner's and the guest's meters (registered by {@code OperatorRunner} and
 * {@code WasmDriver}) and the command's own:
 *
 * <ul>
 *   <li>{@code fssdk.errors} (counter, tags {@code policy} and {@code cause}): failed records, under
 *       every error policy;</li>
 *   <li>{@code fssdk.dead.letters} (counter): records written to the dead-letter sink;</li>
 *   <li>{@code fssdk.state.bytes} (gauge): the size of the state directory's files, read at each
 *       scrape (a directory listing: cheap for RocksDB's few large files).</li>
 * </ul>
 */
final class MetricsServer implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final String operator;
    private final Map<String, Counter> errors = new ConcurrentHashMap<>();
    private final Counter deadLetters;
    private final HttpServer server;

    MetricsServer(int port, String operator, Path stateDir) {
        this.operator = operator;
        this.deadLetters = Counter.builder("fssdk.dead.letters").description("records written to the dead-letter sink")
                .tag("operator", operator).register(registry);
        Gauge.builder("fssdk.state.bytes", stateDir, MetricsServer::directorySize)
                .description("bytes of the state directory's files").tag("operator", operator)
                .baseUnit("bytes").register(registry);
        try {
            server = HttpServer.create(new InetSocketAddress(port), 0);
        } catch (IOException e) {
            registry.close();
            throw new CliException(ExitCodes.USAGE, "cannot serve metrics on port " + port + ": " + e.getMessage(), e);
        }
        server.createContext("/metrics", exchange -> {
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** The registry the runner and the driver register their meters in. */
    MeterRegistry registry() {
        return registry;
    }

    /** The port it listens on (the one asked for, or the one chosen for port 0). */
    int port() {
        return server.getAddress().getPort();
    }

    void error(ErrorPolicy policy, String cause) {
        errors.computeIfAbsent(policy + "/" + cause, k -> Counter.builder("fssdk.errors")
                .description("records that failed").tags("operator", operator, "policy",
                        policy.name().toLowerCase(Locale.ROOT).replace('_', '-'), "cause", cause)
                .register(registry)).increment();
    }

    void deadLetter() {
        deadLetters.increment();
    }

    private static double directorySize(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0; // a file RocksDB just deleted
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return Double.NaN;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        registry.close();
    }
}
