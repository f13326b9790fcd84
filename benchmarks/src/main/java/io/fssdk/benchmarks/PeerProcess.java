package io.fssdk.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One peer host process (a JVM running {@link PeerHost}, node running {@code bench.mjs --serve}, or the
 * wasmtime host) and the line protocol to it. Replies are read on a daemon thread so that a command can
 * time out: a host still compiling StarlingMonkey after the timeout is killed, not waited for.
 */
final class PeerProcess implements AutoCloseable {
    private static final Pattern REPLY = Pattern.compile("(READY|LOADED|RATE|LAST|UNLOADED|ERROR) ");
    private final String name;
    private final Process process;
    private final Writer in;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final String version;
    private volatile boolean dead;

    /** Starts {@code command} (stderr inherited) and waits for its {@code READY <version>} line. */
    PeerProcess(String name, List<String> command, Duration startTimeout) throws IOException {
        this.name = name;
        this.process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readReplies, "peer-" + name);
        reader.setDaemon(true);
        reader.start();
        String ready = await(startTimeout);
        if (!ready.startsWith("READY ")) {
            close();
            throw new IOException(name + " did not start: " + ready);
        }
        this.version = ready.substring("READY ".length());
    }

    private void readReplies() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (REPLY.matcher(line).lookingAt()) {
                    replies.add(line);
                } else {
                    // Whatever else a host prints (a guest's stdout that escaped) is not a reply.
                    System.err.println("[" + name + "] " + line);
                }
            }
        } catch (IOException e) {
            replies.add("ERROR - " + name + " output: " + e.getMessage());
        }
        replies.add("ERROR - " + name + " exited");
    }

    /** The host's own description of itself (engine and version). */
    String version() {
        return version;
    }

    /** False once the host was killed after a timeout, or exited. */
    boolean alive() {
        return !dead && process.isAlive();
    }

    /**
     * Sends one command and returns the reply line; an {@code ERROR} reply or a timeout (which kills
     * the host) becomes a {@link PeerException}.
     */
    String ask(String command, Duration timeout) {
        if (!alive()) {
            throw new PeerException(name + " is not running");
        }
        try {
            in.write(command + "\n");
            in.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String reply = await(timeout);
        if (reply.startsWith("ERROR ")) {
            String[] p = reply.split(" ", 3);
            throw new PeerException(p.length > 2 ? p[2] : reply);
        }
        return reply;
    }

    private String await(Duration timeout) {
        try {
            String reply = replies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (reply == null) {
                dead = true;
                process.destroyForcibly();
                throw new PeerException("timed out after " + timeout.toSeconds() + " s (host stopped)");
            }
            return reply;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerException("interrupted");
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                in.write("QUIT\n");
                in.flush();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (IOException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /** A host answered ERROR, timed out, or is gone; the message is short enough for a table cell. */
    static final class PeerException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PeerException(String message) {
            super(message);
        }
    }
}
