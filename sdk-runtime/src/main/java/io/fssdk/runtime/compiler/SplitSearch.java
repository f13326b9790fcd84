package io.fssdk.runtime.compiler;

import com.dylibso.chicory.wasm.types.AnnotatedInstruction;
import com.dylibso.chicory.wasm.types.FunctionType;
import java.util.List;
import java.util.Map;

/**
 * Decides whether and how a function is split into region methods ({@link RegionPlanner}). A throwaway
 * translation measures the function; if its method is over HotSpot's JIT limit, plans are made with byte budgets
 * from {@value #TARGET_METHOD_SIZE} down, each tried by another throwaway translation (region methods included),
 * for both ways of passing locals (copied around region calls, or kept in the shared frame, whose accesses are
 * larger, so each way is measured on its own). Smaller regions shrink the region methods but may grow their
 * callers, so the plan whose largest method is smallest wins, even when still over the limit: a method under
 * 64 KiB runs compiled, its regions JIT-compiled, rather than in Chicory's interpreter. In a function with a
 * dispatch nest ({@link DispatchNest}), plans that dispatch it flat are tried first, at every budget, each with
 * groups of {@link RegionPlanner#GROUP_BUDGET} bytes and then, while the largest method is over the limit (the
 * head's, with a call site per group), with groups twice as large up to the budget; plans that split nests level
 * by level only when none of those fits.
 */
final class SplitSearch {
    /**
     * Functions this small are not measured: they never reach the JIT limit (16 bytecode bytes an instruction
     * at most); at 900, call-heavy functions of StarlingMonkey came out a hundred bytes over it.
     */
    static final int MIN_SPLIT_INSTRUCTIONS = 500;
    /** What a split aims at, below HotSpot's 8,000-byte limit to leave room for estimation error. */
    static final int TARGET_METHOD_SIZE = 6_000;
    private static final int[] BUDGETS = {TARGET_METHOD_SIZE, 4_500, 3_000, 2_250, 1_500, 1_000, 750};

    /** A chosen split: the planner that made it, its regions, and where the locals live. */
    record Plan(RegionPlanner planner, Map<Integer, RegionPlanner.Region> regions, boolean frameLocals) {
    }

    private SplitSearch() {
    }

    /**
     * The split for the function {@code fc} compiles, or null to leave it whole. With
     * {@link ModuleLayout#forcedSplitBudget} set (tests), every function longer than it is split into regions of
     * at most that many instructions, locals passed one way or the other by function index.
     */
    static Plan choose(FunctionCompiler fc, List<AnnotatedInstruction> code, FunctionType type, ModuleLayout layout) {
        int forced = layout.forcedSplitBudget;
        if (forced > 0 ? code.size() <= forced : code.size() <= MIN_SPLIT_INSTRUCTIONS) {
            return null;
        }
        FunctionCompiler m = fc.scratch(true, false, null, null);
        if (forced > 0) {
            RegionPlanner p = new RegionPlanner(layout, code, type, m.heights(), null);
            return new Plan(p, p.plan(forced, true), fc.function() % 2 == 1);
        }
        if (Boolean.getBoolean("fssdk.compiler.debugSplit")) {
            System.err.println("measure f" + fc.function() + ": " + code.size() + " instructions, "
                    + m.maxMethodSize() + " bytes");
        }
        if (m.maxMethodSize() <= ClassCompiler.JIT_LIMIT) {
            return null;
        }
        FunctionCompiler inFrame = fc.scratch(true, true, null, null);
        RegionPlanner[] planners = {
            new RegionPlanner(layout, code, type, m.heights(), m.offsets()),
            new RegionPlanner(layout, code, type, inFrame.heights(), inFrame.offsets()),
        };
        Plan best = null;
        int bestSize = m.maxMethodSize();
        // Flat dispatch first (one call per dispatched case); only if no such plan fits, nests split level by level.
        int rounds = planners[0].hasNests() ? 2 * BUDGETS.length : BUDGETS.length;
        for (int round = 0; round < rounds && bestSize > ClassCompiler.JIT_LIMIT; round++) {
            int attempt = round % BUDGETS.length;
            boolean flat = round < BUDGETS.length;
            // A flat plan whose largest method is over the limit in both modes (the head's, with a call site per
            // group) is tried again with groups twice as large, up to the budget: fewer call sites.
            for (int group = RegionPlanner.GROUP_BUDGET; ; group = Math.min(2 * group, BUDGETS[attempt])) {
                for (int mode = 0; mode < 2; mode++) {
                    Map<Integer, RegionPlanner.Region> candidate = planners[mode].plan(BUDGETS[attempt], flat, group);
                    FunctionCompiler trial = fc.scratch(false, mode == 1, planners[mode], candidate);
                    if (Boolean.getBoolean("fssdk.compiler.debugSplit")) {
                        System.err.println("split f" + fc.function() + ": " + code.size() + " instructions, "
                                + m.maxMethodSize() + " bytes; budget " + BUDGETS[attempt] + " -> "
                                + candidate.size() + " regions, in frame " + (mode == 1)
                                + (flat ? ", flat, groups of " + group : "") + ", largest method "
                                + trial.maxMethodSize() + " (main " + trial.mainSize() + ", planned "
                                + planners[mode].residual + ")");
                    }
                    if (trial.maxMethodSize() < bestSize) {
                        bestSize = trial.maxMethodSize();
                        best = new Plan(planners[mode], candidate, mode == 1);
                    }
                }
                if (!flat || bestSize <= ClassCompiler.JIT_LIMIT || group >= BUDGETS[attempt]
                        || !planners[0].hasNests()) {
                    break;
                }
            }
        }
        if (best != null && Boolean.getBoolean("fssdk.compiler.debugSplit")) {
            // Each region as start-end@nesting depth: a dispatch nest shows as a chain of regions one inside
            // another, whose length is what a dispatched case pays in calls.
            Plan p = best;
            StringBuilder sb = new StringBuilder("plan f" + fc.function() + ":");
            best.regions().values().stream().sorted((a, b) -> Integer.compare(a.start, b.start)).forEach(r ->
                    sb.append(' ').append(r.start).append('-').append(r.end).append('@')
                            .append(p.planner().blocksOpen(r.start)));
            System.err.println(sb);
        }
        return best;
    }
}
