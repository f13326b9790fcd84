package io.fssdk.runtime.guest;

import io.fssdk.api.Context;
import io.fssdk.api.ErrorCode;
import io.fssdk.api.SdkException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Keeps one guest instance alive for a driver of some world (the processor world's {@code WasmDriver}
 * is one) and runs every call into it under the same rules:
 *
 * <ol>
 *   <li>There is no instance before {@code init}, and after a failure: the next call instantiates the
 *       component and calls the world's init export with the configuration of the last successful init,
 *       then makes its own call. The state is in the stores, so the new instance continues from it.</li>
 *   <li>Around each call into the guest (instantiation included) the host functions get the caller's
 *       {@link Context} ({@link HostCalls}), and the {@link CallWatchdog} times it.</li>
 *   <li>When a call fails (trap, deadline, anything thrown), the instance is discarded: the scans it left
 *       open ({@link GuestResources}) are closed and it is never called again. The failure is reported by {@link GuestFailures}.</li>
 * </ol>
 *
 * <p>Confined to one thread at a time, like the driver.
 *
 * @param <S> the world binding's session type
 */
public final class GuestSupervisor<S extends GuestSession> {
    private final String operator;
    private final GuestWorld<S> world;
    private final HostCalls calls;
    private final CallWatchdog watchdog;
    private final GuestFailures failures;
    private S session;
    private Map<String, String> config;
    private boolean closed;

    /**
     * @param operator the operator named in errors
     * @param world the world's binding
     * @param calls the per-call state the world's host functions read
     * @param watchdog the per-call deadline
     * @param failures how failures are reported
     */
    public GuestSupervisor(String operator, GuestWorld<S> world, HostCalls calls, CallWatchdog watchdog,
            GuestFailures failures) {
        this.operator = operator;
        this.world = world;
        this.calls = calls;
        this.watchdog = watchdog;
        this.failures = failures;
    }

    /**
     * Starts a fresh instance and calls {@code fs-init} with {@code config}, replacing any instance there
     * was. The configuration is kept for re-initialisation only once this succeeded.
     */
    public void init(Context ctx, Map<String, String> config) {
        ensureOpen(world.initExport());
        Map<String, String> copy = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        this.config = null; // until this init succeeds: a failed one leaves the driver not initialised
        discardQuietly(null);
        S s = start(ctx, null);
        run(ctx, s, world.initExport(), GuestFailures.Where.NO_SOURCE, null, g -> {
            world.init(g, copy);
            return null;
        });
        this.config = copy;
    }

    /**
     * Calls {@code body} on the live instance, starting (and initialising) one first if there is none.
     *
     * @param sourceId the source id to name in errors, or {@link GuestFailures.Where#NO_SOURCE}
     */
    public <T> T call(Context ctx, String export, long sourceId, Function<S, T> body) {
        ensureOpen(export);
        if (config == null) {
            throw new SdkException(ErrorCode.RUNTIME_NOT_INITIALIZED, "`" + export + "` called before init succeeded",
                    operator, null, null);
        }
        S s = session;
        if (s == null) {
            String before = "re-initialising a fresh instance before `" + export + "`";
            s = start(ctx, before);
            Map<String, String> c = config;
            run(ctx, s, world.initExport(), GuestFailures.Where.NO_SOURCE, before, g -> {
                world.init(g, c);
                return null;
            });
        }
        return run(ctx, s, export, sourceId, null, body);
    }

    /** {@link #call} for an export without a result. */
    public void run(Context ctx, String export, long sourceId, Consumer<S> body) {
        call(ctx, export, sourceId, s -> {
            body.accept(s);
            return null;
        });
    }

    /** Discards the live instance without calling it (a failed heartbeat); the next call starts a new one. */
    public void restart() {
        discardQuietly(null);
    }

    /**
     * Calls {@code fs-close} on the live instance, if there is one, and discards it. No instance is started
     * just to be closed. Idempotent.
     */
    public void close(Context ctx) {
        if (closed) {
            return;
        }
        try {
            S s = session;
            if (s != null) {
                run(ctx, s, world.closeExport(), GuestFailures.Where.NO_SOURCE, null, g -> {
                    world.close(g);
                    return null;
                });
                session = null;
                s.resources().closeAll(null);
            }
        } finally {
            closed = true;
            watchdog.close();
            world.flushOutput();
        }
    }

    /** Instantiates the component (its start functions run guest code, so they are timed too). */
    private S start(Context ctx, String before) {
        world.prepare(); // e.g. compiling: once per driver, and never against the deadline
        GuestResources resources = new GuestResources();
        calls.enter(ctx, resources);
        watchdog.start();
        try {
            S s = world.instantiate(resources);
            session = s;
            return s;
        } catch (RuntimeException e) {
            boolean timedOut = watchdog.stop();
            resources.closeAll(e);
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
    private <T> T run(Context ctx, S s, String export, long sourceId, String before, Function<S, T> body) {
        calls.enter(ctx, s.resources());
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
        S s = session;
        session = null;
        world.flushOutput(); // the dead instance's last partial line of stdout or stderr
        if (s != null) {
            try {
                s.resources().closeAll(cause);
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
