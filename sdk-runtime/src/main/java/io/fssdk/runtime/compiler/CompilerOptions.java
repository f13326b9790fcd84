package io.fssdk.runtime.compiler;

/**
 * Options of {@link WasmCompiler}.
 *
 * @param maxInstructionsPerClass how many wasm instructions go into one generated class before the next one
 *     starts; bounds each class's constant pool and size
 * @param splitLargeFunctions whether functions over {@link RegionPlanner#BUDGET} instructions are cut into
 *     several methods ({@link RegionPlanner}); experimental, off by default until it passes the fixtures
 */
public record CompilerOptions(int maxInstructionsPerClass, boolean splitLargeFunctions) {
    /** The defaults. */
    public static final CompilerOptions DEFAULTS = new CompilerOptions(20_000, false);

    /** Checks the values. */
    public CompilerOptions {
        if (maxInstructionsPerClass < 1) {
            throw new IllegalArgumentException("maxInstructionsPerClass must be positive");
        }
    }
}
