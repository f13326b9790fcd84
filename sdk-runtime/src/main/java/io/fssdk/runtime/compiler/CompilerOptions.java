package io.fssdk.runtime.compiler;

/**
 * Options of {@link WasmCompiler}.
 *
 * @param maxInstructionsPerClass how many wasm instructions go into one generated class before the next one
 *     starts; bounds each class's constant pool and size
 */
public record CompilerOptions(int maxInstructionsPerClass) {
    /** The defaults. */
    public static final CompilerOptions DEFAULTS = new CompilerOptions(20_000);

    /** Checks the values. */
    public CompilerOptions {
        if (maxInstructionsPerClass < 1) {
            throw new IllegalArgumentException("maxInstructionsPerClass must be positive");
        }
    }
}
