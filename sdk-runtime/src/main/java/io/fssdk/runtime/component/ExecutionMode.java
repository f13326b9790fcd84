package io.fssdk.runtime.component;

/** How the core modules of a component are executed. */
public enum ExecutionMode {
    /**
     * Our compiler ({@code io.fssdk.runtime.compiler}), the default: each core module is translated to JVM
     * classes once per {@link Component} and every instance reuses them. Wasm locals and operand stack live on
     * the JVM's, memory is one flat {@code byte[]} accessed inline, and interruption is a plain countdown
     * checked at function entries and loop headers; a {@code v128} is two {@code long}s, so vector code allocates
     * nothing; SIMD, threads, exception handling, function references, multiple memories and the GC proposal
     * are translated too. A function using something it does not translate (a GC object field of type
     * {@code v128}) runs in Chicory's interpreter, alone. Only this mode runs SIMD: Chicory 1.7.5's interpreter
     * and compiler do not.
     */
    COMPILER,
    /**
     * Chicory's runtime compiler, kept for comparison and as a fallback switch. A function too large for one
     * JVM method runs in Chicory's interpreter.
     */
    CHICORY_COMPILER,
    /** Chicory's interpreter: no compile step, slower calls. Useful for very large or short-lived guests. */
    INTERPRETER
}
