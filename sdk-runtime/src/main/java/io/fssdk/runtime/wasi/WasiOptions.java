package io.fssdk.runtime.wasi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The capabilities a guest gets, each granted explicitly; immutable, made by {@link #builder()}. Like
 * wasmtime's {@code WasiCtxBuilder}, everything is denied by default:
 *
 * <ul>
 *   <li>no environment variables and no arguments;</li>
 *   <li>an empty stdin (end of stream at once);</li>
 *   <li>stdout and stderr go to SLF4J, one log event per line, tagged with {@link #name()}: loggers
 *       {@code io.fssdk.runtime.wasi.stdout} (INFO) and {@code io.fssdk.runtime.wasi.stderr} (WARN);</li>
 *   <li>no preopened directories, so no files at all;</li>
 *   <li>no network: every socket operation answers {@code access-denied};</li>
 *   <li>the host's real clocks and a {@link java.security.SecureRandom}, unless injected.</li>
 * </ul>
 */
public final class WasiOptions {
    private final String name;
    private final Map<String, String> environment;
    private final List<String> arguments;
    private final Supplier<InputStream> stdin;
    private final Optional<OutputStream> stdout;
    private final Optional<OutputStream> stderr;
    private final List<WasiPreopen> preopens;
    private final WasiClock clock;
    private final WasiRandomSource random;

    private WasiOptions(Builder b, List<WasiPreopen> preopens) {
        this.name = b.name;
        this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(b.environment));
        this.arguments = List.copyOf(b.arguments);
        this.stdin = b.stdin;
        this.stdout = b.stdout;
        this.stderr = b.stderr;
        this.preopens = List.copyOf(preopens);
        this.clock = b.clock;
        this.random = b.random;
    }

    /** A builder that grants nothing. */
    public static Builder builder() {
        return new Builder();
    }

    /** Options that grant nothing: the defaults of {@link #builder()}. */
    public static WasiOptions defaults() {
        return builder().build();
    }

    /** A builder starting from these options, e.g. to redirect stdout for one run. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.environment.putAll(environment);
        b.arguments.addAll(arguments);
        b.stdin = stdin;
        b.stdout = stdout;
        b.stderr = stderr;
        b.preopens.addAll(preopens);
        b.clock = clock;
        b.random = random;
        return b;
    }

    /** The tag of this guest's log lines, e.g. an operator's name. */
    public String name() {
        return name;
    }

    /** The environment variables, in the order granted. */
    public Map<String, String> environment() {
        return environment;
    }

    /** The arguments, {@code argv[0]} first. */
    public List<String> arguments() {
        return arguments;
    }

    /** The preopened directories, with real host paths. */
    public List<WasiPreopen> preopens() {
        return preopens;
    }

    /** The clock the guest reads. */
    public WasiClock clock() {
        return clock;
    }

    /** The random source the guest reads. */
    public WasiRandomSource random() {
        return random;
    }

    /** A fresh stdin for one host: bytes restart from the beginning, a given stream is shared. */
    InputStream openStdin() {
        return stdin.get();
    }

    /** The stream stdout goes to, if not to SLF4J. */
    Optional<OutputStream> stdout() {
        return stdout;
    }

    /** The stream stderr goes to, if not to SLF4J. */
    Optional<OutputStream> stderr() {
        return stderr;
    }

    /** Builds {@link WasiOptions}; every grant is explicit. */
    public static final class Builder {
        private static final Supplier<InputStream> EMPTY = InputStream::nullInputStream;

        private String name = "guest";
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<String> arguments = new ArrayList<>();
        private Supplier<InputStream> stdin = EMPTY;
        private Optional<OutputStream> stdout = Optional.empty();
        private Optional<OutputStream> stderr = Optional.empty();
        private final List<WasiPreopen> preopens = new ArrayList<>();
        private WasiClock clock = WasiClock.system();
        private WasiRandomSource random = WasiRandomSource.secure();

        private Builder() {
        }

        /** Sets the tag of log lines (default {@code guest}). */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Grants one environment variable (a later grant of the same name replaces it). */
        public Builder env(String key, String value) {
            environment.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Grants environment variables. */
        public Builder env(Map<String, String> variables) {
            variables.forEach(this::env);
            return this;
        }

        /** Appends arguments; the first is the guest's {@code argv[0]}. */
        public Builder args(String... args) {
            return args(List.of(args));
        }

        /** Appends arguments. */
        public Builder args(List<String> args) {
            args.forEach(a -> arguments.add(Objects.requireNonNull(a, "argument")));
            return this;
        }

        /** Sets stdin to these bytes; every host built from the options reads them from the start. */
        public Builder stdin(byte[] bytes) {
            byte[] copy = bytes.clone();
            this.stdin = () -> new ByteArrayInputStream(copy);
            return this;
        }

        /** Sets stdin to a stream, read (never closed) by the host; hosts built from the options share it. */
        public Builder stdin(InputStream in) {
            Objects.requireNonNull(in, "in");
            this.stdin = () -> in;
            return this;
        }

        /** Sends stdout to a stream instead of SLF4J; flushed when the guest flushes, never closed. */
        public Builder stdout(OutputStream out) {
            this.stdout = Optional.of(Objects.requireNonNull(out, "out"));
            return this;
        }

        /** Sends stderr to a stream instead of SLF4J; flushed when the guest flushes, never closed. */
        public Builder stderr(OutputStream err) {
            this.stderr = Optional.of(Objects.requireNonNull(err, "err"));
            return this;
        }

        /** Sends stdout and stderr back to SLF4J (the default). */
        public Builder logOutput() {
            this.stdout = Optional.empty();
            this.stderr = Optional.empty();
            return this;
        }

        /** Grants a host directory, readable and writable, under {@code guestPath}. */
        public Builder preopen(Path hostDir, String guestPath) {
            preopens.add(new WasiPreopen(hostDir, guestPath, false));
            return this;
        }

        /** Grants a host directory, readable only, under {@code guestPath}. */
        public Builder preopenReadOnly(Path hostDir, String guestPath) {
            preopens.add(new WasiPreopen(hostDir, guestPath, true));
            return this;
        }

        /** Injects the clock (default {@link WasiClock#system()}). */
        public Builder clock(WasiClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Injects the random source (default {@link WasiRandomSource#secure()}). */
        public Builder random(WasiRandomSource random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * Builds the options, resolving each preopen to its real path now, so that a symbolic link
         * swapped in later cannot move it.
         *
         * @throws IllegalArgumentException when a preopened path is not an existing directory
         */
        public WasiOptions build() {
            List<WasiPreopen> real = new ArrayList<>();
            for (WasiPreopen p : preopens) {
                Path path;
                try {
                    path = p.hostPath().toRealPath();
                } catch (IOException e) {
                    throw new IllegalArgumentException("preopen `" + p.guestPath() + "`: cannot resolve "
                            + p.hostPath() + ": " + e, e);
                }
                if (!Files.isDirectory(path)) {
                    throw new IllegalArgumentException("preopen `" + p.guestPath() + "`: " + path
                            + " is not a directory");
                }
                real.add(new WasiPreopen(path, p.guestPath(), p.readOnly()));
            }
            return new WasiOptions(this, real);
        }
    }
}
