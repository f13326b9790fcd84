package io.fssdk.runtime.compiler;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Compiles a large module off the caller's thread while its instances run in Chicory's interpreter; each
 * instance moves to compiled code at its first call after the compilation finished ({@link TieredMachine}).
 * Instantiating a 12 MB guest thus waits for parsing only, not for minutes of code generation.
 *
 * <p>The pool is bounded: {@value #DEFAULT_THREADS} daemon thread by default (system property
 * {@code fssdk.compiler.threads}), so compilation never takes more than that many cores from the records being
 * processed, and compilations queue behind each other.
 */
public final class BackgroundCompiler {
    /** Compiler threads when the system property does not say. */
    public static final int DEFAULT_THREADS = 1;
    private static final ExecutorService POOL = pool();

    private final CompletableFuture<CompiledWasm> result;

    private BackgroundCompiler(CompletableFuture<CompiledWasm> result) {
        this.result = result;
    }

    /** Starts {@code compile} on the pool. */
    public static BackgroundCompiler start(Supplier<CompiledWasm> compile) {
        return new BackgroundCompiler(CompletableFuture.supplyAsync(compile, POOL));
    }

    /** The machine factory: interpreted until the compiled code is ready, compiled from then on. */
    public Function<Instance, Machine> machineFactory() {
        return instance -> new TieredMachine(instance, result);
    }

    /** The memory factory both tiers share: a {@link FlatMemory}. */
    public Function<MemoryLimits, Memory> memoryFactory() {
        return FlatMemory::new;
    }

    /**
     * Waits for the compilation to end.
     *
     * @return the compiled code, or null if compiling failed (instances then stay interpreted)
     */
    public CompiledWasm await() {
        try {
            return result.join();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Whether the compilation has ended (compiled, or failed). */
    public boolean done() {
        return result.isDone();
    }

    /** What the compilation does when it fails: run {@code action} with the failure. */
    public void onFailure(java.util.function.Consumer<Throwable> action) {
        result.whenComplete((code, failure) -> {
            if (failure != null) {
                action.accept(failure);
            }
        });
    }

    private static ExecutorService pool() {
        int threads = Math.max(1, Integer.getInteger("fssdk.compiler.threads", DEFAULT_THREADS));
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "fssdk-compiler-" + n.incrementAndGet());
                    t.setDaemon(true); // never keeps an embedder's JVM alive
                    t.setPriority(Thread.NORM_PRIORITY - 1);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
