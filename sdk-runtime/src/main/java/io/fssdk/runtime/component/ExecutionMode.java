package io.fssdk.runtime.component;

/** How the core modules of a component are executed by Chicory. */
public enum ExecutionMode {
    /**
     * Chicory's runtime compiler translates each core module to JVM bytecode once per {@link Component};
     * every instance reuses it. Fast calls, slower start. The default.
     */
    COMPILER,
    /** Chicory's interpreter: no compile step, slower calls. Useful for very large or short-lived guests. */
    INTERPRETER,
    /**
     * Our own compiler ({@code io.fssdk.runtime.compiler}): wasm locals and stack on the JVM's, memory as one
     * flat {@code byte[]} accessed inline, interruption by a plain countdown. Opt-in while it matures; a
     * function using an instruction it does not translate yet (SIMD, atomics, exceptions) runs in Chicory's
     * interpreter.
     */
    OPTIMIZING
}
