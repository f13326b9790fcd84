package io.fssdk.runtime.processor;

import io.fssdk.api.Context;
import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import io.fssdk.runtime.component.Component;
import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.wasi.WasiHost;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Keeps one guest instance alive for a {@link WasmDriver} and runs every call into it under the same
 * rules:
 *
 * <ol>
 *   <li>There is no instance before {@code init}, and after a failure: the next call instantiates the
 *       component and calls {@code fs-init} with the configuration of the last successful {@code init},
 *       then makes its own call. The state is in the stores, so the new instance continues from it.</li>
 *   <li>Around each call into the guest (instantiation included) the host functions get the caller's
 *       {@link Context} ({@link HostCalls}), and the {@link CallWatchdog} times it.</li>
 *   <li>When a call fails (trap, deadline, anything thrown), the instance is discarded: the scans it left
 *       open are closed and it is never called again. The failure is reported by {@link GuestFailures}.</li>
 * </ol>
 *
 * <p>Confined to one thread at a time, like the driver.
 */
final class GuestSupervisor {
    private final String operator;
    private final Component component;
    private final Linker linker;
    private final WasiHost wasi;
    private final HostCalls calls;
    private final CallWatchdog watchdog;
    private final GuestFailures failures;
    private final PythonSource python;
    private GuestSession session;
    private Map<String, String> config;
    private boolean closed;

    GuestSupervisor(String operator, Component component, ProcessorLinker linker, HostCalls calls,
            CallWatchdog watchdog, GuestFailures failures, PythonSource python) {
        this.operator = operator;
        this.python = python;
        this.component = component;
        this.linker = linker.linker();
        this.wasi = linker.wasi();
        this.calls = calls;
        this.watchdog = watchdog;
        this.failures = failures;
    }

    /**
     * Starts a fresh instance and calls {@code fs-init} with {@code config}, replacing any instance there
     * was. The configuration is kept for re-initialisation only once this succeeded.
     */
    void init(Context ctx, Map<String, String> config) {
        ensureOpen(ProcessorExports.INIT);
        Map<String, String> copy = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        this.config = null; // until this init succeeds: a failed one leaves the driver not initialised
        discardQuietly(null);
        GuestSession s = start(ctx, null);
        load(ctx, s, null);
        run(ctx, s, ProcessorExports.INIT, GuestFailures.Where.NO_SOURCE, null, g -> {
            g.init(copy);
            return null;
        });
        this.config = copy;
    }

    /**
     * Calls {@code body} on the live instance, starting (and initialising) one first if there is none.
     *
     * @param sourceId the source id to name in errors, or {@link GuestFailures.Where#NO_SOURCE}
     */
    <T> T call(Context ctx, String export, long sourceId, Function<GuestSession, T> body) {
        ensureOpen(export);
        if (config == null) {
            throw new SdkException(ErrorCode.RUNTIME_NOT_INITIALIZED, "`" + export + "` called before init succeeded",
                    operator, null, null);
        }
        GuestSession s = session;
        if (s == null) {
            String before = "re-initialising a fresh instance before `" + export + "`";
            s = start(ctx, before);
            load(ctx, s, before);
            Map<String, String> c = config;
            run(ctx, s, ProcessorExports.INIT, GuestFailures.Where.NO_SOURCE, before, g -> {
                g.init(c);
                return null;
            });
        }
        return run(ctx, s, export, sourceId, null, body);
    }

    /** {@link #call} for an export without a result. */
    void run(Context ctx, String export, long sourceId, Consumer<GuestSession> body) {
        call(ctx, export, sourceId, s -> {
            body.accept(s);
            return null;
        });
    }

    /** Discards the live instance without calling it (a failed heartbeat); the next call starts a new one. */
    void restart() {
        discardQuietly(null);
    }

    /**
     * Calls {@code fs-close} on the live instance, if there is one, and discards it. No instance is started
     * just to be closed. Idempotent.
     */
    void close(Context ctx) {
        if (closed) {
            return;
        }
        try {
            GuestSession s = session;
            if (s != null) {
                run(ctx, s, ProcessorExports.CLOSE, GuestFailures.Where.NO_SOURCE, null, g -> {
                    g.close();
                    return null;
                });
                session = null;
                s.discard(null);
            }
        } finally {
            closed = true;
            watchdog.close();
            wasi.flush();
        }
    }

    /**
     * For a Python operator, hands its source to the runtime component through {@code fs-exec}, which
     * every fresh instance needs before {@code fs-init}: a restarted instance has forgotten the class.
     */
    private void load(Context ctx, GuestSession s, String before) {
        if (python != null) {
            run(ctx, s, ProcessorExports.EXEC, GuestFailures.Where.NO_SOURCE, before, g -> {
                g.exec(python.className(), python.modules());
                return null;
            });
        }
    }

    /** Instantiates the component (its start functions run guest code, so they are timed too). */
    private GuestSession start(Context ctx, String before) {
        component.compile(); // once per component, and never against the deadline
        Set<GuestIterator> iterators = GuestSession.newIteratorSet();
        calls.enter(ctx, iterators);
        watchdog.start();
        try {
            GuestSession s = GuestSession.start(linker, component, iterators);
            session = s;
            return s;
        } catch (RuntimeException e) {
            boolean timedOut = watchdog.stop();
            GuestSession.closeAll(iterators, e);
            throw failures.of(new GuestFailures.Where(GuestFailures.Where.INSTANTIATION, GuestFailures.Where.NO_SOURCE,
                    before), e, timedOut, false);
        } finally {
            watchdog.stop();
            calls.exit();
        }
    }

    /**
     * Runs one call into {@code s}. {@code export}, {@code sourceId} and {@code before} (what the call was
     * for, or null) only name the failure; they become a {@link GuestFailures.Where} only if there is one.
     */
    private <T> T run(Context ctx, GuestSession s, String export, long sourceId, String before,
            Function<GuestSession, T> body) {
        calls.enter(ctx, s.iterators());
        watchdog.start();
        try {
            return body.apply(s);
        } catch (RuntimeException e) {
            // stop() first: the interrupt flag must be cleared before anything below can block.
            boolean timedOut = watchdog.stop();
            discardQuietly(e);
            throw failures.of(new GuestFailures.Where(export, sourceId, before), e, timedOut, s.atMemoryCap());
        } finally {
            // A call that returned is kept even if the deadline fired as it returned; stop() clears the flag.
            watchdog.stop();
            calls.exit();
        }
    }

    /** Drops the live instance and closes its scans; a failure to close one is added to {@code cause}. */
    private void discardQuietly(RuntimeException cause) {
        GuestSession s = session;
        session = null;
        wasi.flush(); // the dead instance's last partial line of stdout or stderr
        if (s != null) {
            try {
                s.discard(cause);
            } catch (RuntimeException e) {
                // Only reached without a cause to attach it to: a failed heartbeat, or a second init.
                throw new SdkException(ErrorCode.OPERATOR_FAILED, "cannot close a scan of the discarded instance: " + e,
                        operator, null, e);
            }
        }
    }

    private void ensureOpen(String export) {
        if (closed) {
            throw new SdkException(ErrorCode.RUNTIME_CLOSED, "`" + export + "` called after close", operator, null,
                    null);
        }
    }
}
