package io.fssdk.runtime.compiler;

/**
 * Options of {@link WasmCompiler}.
 *
 * @param maxInstructionsPerClass how many wasm instructions go into one generated class before the next one
 *     starts; bounds each class's constant pool and size
 * @param splitLargeFunctions whether a function whose method would pass HotSpot's 8,000-byte JIT limit is cut
 *     into several methods ({@link RegionPlanner}); on by default
 * @param forcedSplitBudget 0 to split only functions over the JIT limit; otherwise split every function longer
 *     than this many instructions into regions of at most this many (tests only)
 */
public record CompilerOptions(int maxInstructionsPerClass, boolean splitLargeFunctions, int forcedSplitBudget) {
    /** The defaults. */
    public static final CompilerOptions DEFAULTS = new CompilerOptions(20_000, true, 0);

    /**
     * The defaults, except that every function of more than {@code budget} instructions is split into regions of
     * at most that many, whatever its size: for testing the splitter on code that would not need it.
     */
    public static CompilerOptions splittingEverything(int budget) {
        return new CompilerOptions(DEFAULTS.maxInstructionsPerClass(), true, budget);
    }

    /** Checks the values. */
    public CompilerOptions {
        if (maxInstructionsPerClass < 1) {
            throw new IllegalArgumentException("maxInstructionsPerClass must be positive");
        }
        if (forcedSplitBudget < 0) {
            throw new IllegalArgumentException("forcedSplitBudget must not be negative");
        }
    }
}
