package io.fssdk.runtime.compiler;

import com.dylibso.chicory.wasm.types.AnnotatedInstruction;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.OpCode;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Plans how a function too big for one JIT-compilable JVM method is split. HotSpot does not compile a method
 * over 8,000 bytecode bytes with default flags, and no method may pass 64 KiB, so large functions are cut into
 * <em>regions</em>: runs of consecutive instructions at one nesting level that leave the operand stack as they
 * found it (statements, in effect: whole blocks, or the code between two case labels of a {@code br_table}
 * dispatch). Each region becomes a method of its own, called where it stood.
 *
 * <p>A region reads and writes the function's locals through a shared {@code long[]} frame (only the locals it
 * uses are copied in and out), and reports how it ended with an int: 0 for falling off its end, {@code k > 0}
 * for a branch to the label {@code k - 1} levels out from where the region starts, -1 for a {@code return}.
 * What such a branch carries (a block's results, the function's result) waits in the frame's slots after the
 * locals, and the caller pushes it back before branching on: clang's code branches out of a dispatch case with
 * a value often enough that refusing such runs kept an interpreter's outer dispatch levels in one method. The
 * function must have at most one result, and no value leaving a region may be a v128. Stack heights come from
 * a first translation of the function ({@link FunctionCompiler} records them).
 *
 * <p>An interpreter's dispatch loop, a {@code br_table} into a chain of blocks, is planned flat where it fits
 * ({@link DispatchNest}): its handlers go into <em>groups</em>, regions entered at any handler, kept in the plan
 * under {@link #groupKey} keys.
 */
final class RegionPlanner {
    /** One planned region: instructions {@code [start, end)}. */
    static final class Region {
        final int start;
        final int end;
        final BitSet used = new BitSet();
        final BitSet written = new BitSet();
        final TreeSet<Integer> exitCodes = new TreeSet<>();
        /** For a dispatch group ({@link DispatchNest}): its nest's plan; null for a plain region. */
        final DispatchNest.Plan nest;
        /** For a dispatch group: the lowest and highest entries it serves. */
        final int lo;
        final int hi;

        Region(int start, int end) {
            this(start, end, null, 0, 0);
        }

        Region(int start, int end, DispatchNest.Plan nest, int lo, int hi) {
            this.start = start;
            this.end = end;
            this.nest = nest;
            this.lo = lo;
            this.hi = hi;
        }

        /** The first instruction a group leaves out (the chain block holding the entries above it), else -1. */
        int cutFrom() {
            return nest == null ? -1 : nest.nest.chain[hi];
        }

        /** The last instruction a group leaves out, else -1. */
        int cutTo() {
            return nest == null ? -1 : nest.nest.ends[hi];
        }
    }

    /**
     * Where a plan keeps a dispatch group: under a negative key, so that the group over a nest's outermost block
     * does not take the key of a plain region there, and instruction lookups never find groups. The head's
     * method finds the nest at its outermost block through the group of entry 1, keyed by that block.
     */
    static int groupKey(int start) {
        return -1 - start;
    }

    /** The default instruction budget of one method: measured at 3-6 bytecode bytes per wasm instruction. */
    static final int BUDGET = 1_000;
    private static final int MIN_REGION = 16;
    /**
     * What a region call costs its caller, in bytes: the call, and the dispatch on its exit code (measured 22
     * to 28 bytes for a dispatch case with one exit, since memory is refetched lazily).
     */
    static final int CALL_BYTES = 32;

    private final List<AnnotatedInstruction> code;
    private final int[] endOf;
    private final int[] elseOf;
    private final int[] blocksOpen;
    private final int[] height;
    private final boolean multiResult;
    /** The parameter count of each construct's block type. */
    private final int[] blockParams;
    /** The innermost construct open before each instruction, -1 for the function's own frame. */
    private final int[] enclosing;
    /** The construct enclosing each construct, -1 for the function's own frame. */
    private final int[] parent;
    /** What a branch to each construct carries: a loop's parameters, any other construct's results. */
    private final List<List<ValType>> carried;
    private final List<ValType> functionResults;
    /** The most values a branch to any construct carries: the frame holds that many after the locals. */
    private int maxCarried = 1;
    private int budget = BUDGET;
    /** Whether dispatch nests are planned flat ({@link DispatchNest}) by the current {@link #plan}. */
    private boolean flat = true;
    /** The most bytes of handlers in a group of the current {@link #plan} (at most its budget). */
    private int groupBudget = GROUP_BUDGET;
    /** Constructs the current plan may not outline (see {@link #pinUpToLoop}). */
    private final BitSet pinned = new BitSet();
    /** What the function's own method was planned to cost by the last {@link #plan}. */
    int residual;
    private final int[] offsets;
    /** Dispatch nests by their outermost block. */
    private final Map<Integer, DispatchNest> nests = new HashMap<>();
    /** Nests need a {@code br_table} with this many targets and a chain this deep; tests' tiny ones included. */
    private static final int MIN_NEST_CASES = 3;
    private static final int MIN_NEST_LEVELS = 3;
    /**
     * What a group costs besides its handlers: the entry {@code tableswitch} (per entry), its trap and exit
     * stub; and what the head's method pays per chain level (a stub loading the entry, a case of the entry
     * switch) and per group (the call and the test of its result; an estimate from before group call sites
     * shrank to 16 bytes, kept because the plans it gives were the ones measured).
     */
    static final int GROUP_BYTES = 48;
    /**
     * The most bytes of handlers in one group, below the function's budget: a group is compiled, deoptimized and
     * recompiled as a whole whenever one of its handlers meets a path not seen before, and C1 refuses methods
     * of a few thousand bytes full of memory accesses. Measured on QuickJS (records/s after warm-up): 2,500
     * bytes 1,850-1,950, 6,000 bytes 1,630-1,770 (session 8); 2,000 bytes 1-5 % faster than 2,500 in six
     * paired runs (session 11; StarlingMonkey within noise). At 1,500 bytes QuickJS's head method (a call site
     * per group) does not fit, even with 16-byte call sites (session 12: 235 regions, a 10,102-byte head), and
     * {@link SplitSearch} then tries larger groups, as it does for any head's method that would not fit with
     * this many call sites.
     */
    static final int GROUP_BUDGET = 2_000;
    static final int ENTRY_BYTES = 4;
    static final int LEVEL_BYTES = 5;
    static final int CALL_SITE_BYTES = 56;
    static final int LOOKUP_BYTES = 32;

    /**
     * @param height the operand stack height before each instruction, -1 where the code is unreachable
     * @param offsets where each instruction's bytecode starts (one more entry for the end), to budget regions
     *     in bytes; null to budget them in instructions
     */
    RegionPlanner(ModuleLayout layout, List<AnnotatedInstruction> code, FunctionType type, int[] height,
            int[] offsets) {
        this.code = code;
        this.offsets = offsets;
        this.height = height;
        int n = code.size();
        endOf = new int[n];
        elseOf = new int[n];
        blocksOpen = new int[n + 1];
        blockParams = new int[n];
        enclosing = new int[n + 1];
        parent = new int[n];
        carried = new ArrayList<>(Collections.nCopies(n, List.of()));

        functionResults = type.returns();
        multiResult = JvmTypes.expand(type.returns()).size() > 1; // a v128 is two values too
        ArrayDeque<int[]> open = new ArrayDeque<>(); // {start, carriesValuesWhenTargeted}
        open.push(new int[] {-1, type.returns().isEmpty() ? 0 : 1});
        for (int i = 0; i < n; i++) {
            blocksOpen[i] = open.size() - 1;
            enclosing[i] = open.peek()[0];
            AnnotatedInstruction ins = code.get(i);
            OpCode op = ins.opcode();
            switch (op) {
                case BLOCK:
                case LOOP:
                case IF:
                case TRY_TABLE: {
                    FunctionType bt = layout.blockType(ins.operand(0));
                    blockParams[i] = JvmTypes.expand(bt.params()).size(); // JVM values, as the heights count
                    carried.set(i, op == OpCode.LOOP ? bt.params() : bt.returns());
                    boolean carries = !carried.get(i).isEmpty();
                    maxCarried = Math.max(maxCarried, JvmTypes.expand(carried.get(i)).size());
                    parent[i] = open.peek()[0];
                    elseOf[i] = -1;
                    open.push(new int[] {i, carries ? 1 : 0});
                    break;
                }
                case ELSE:
                    elseOf[open.peek()[0]] = i;
                    break;
                case END:
                    if (open.size() > 1) {
                        endOf[open.pop()[0]] = i;
                    }
                    break;
                default:
                    break;
            }
        }
        blocksOpen[n] = 0;
        enclosing[n] = -1;
        for (int i = 0; i < n; i++) {
            if (code.get(i).opcode() == OpCode.BR_TABLE && code.get(i).operandCount() >= MIN_NEST_CASES
                    && height[i] >= 0) {
                DispatchNest nest = findNest(i);
                if (nest != null) {
                    nests.put(nest.chain[0], nest);
                }
            }
        }
    }

    /**
     * The dispatch nest whose head ends in {@code br_table} {@code i} (see {@link DispatchNest}), or null where
     * the code around it does not have that shape or uses what groups cannot pass: values out of the nest's
     * outermost or innermost block, or a v128 carried anywhere in it.
     */
    private DispatchNest findNest(int i) {
        int inner = enclosing[i];
        if (inner < 0 || code.get(inner).opcode() != OpCode.BLOCK) {
            return null;
        }
        for (int j = i + 1; j < endOf[inner]; j++) {
            if (height[j] >= 0) {
                return null; // the head must end in the br_table
            }
        }
        ArrayDeque<Integer> blocks = new ArrayDeque<>();
        for (int c = inner; ; c = parent[c]) {
            if (blockParams[c] != 0) {
                return null;
            }
            blocks.push(c);
            int p = parent[c];
            if (p < 0 || p + 1 != c || code.get(p).opcode() != OpCode.BLOCK || blockParams[p] != 0) {
                break;
            }
        }
        // Outer blocks that yield values stay ordinary blocks around a shorter nest: their value would have to
        // leave a group through the frame at a fall-off, which groups do not do. Their handlers then follow
        // the nest in the head's method (SpiderMonkey's interpreter: 211 levels under one block yielding an i32).
        while (blocks.size() > MIN_NEST_LEVELS && !carried.get(blocks.peekFirst()).isEmpty()) {
            blocks.pollFirst();
        }
        int levels = blocks.size();
        if (levels < MIN_NEST_LEVELS) {
            return null;
        }
        int[] chain = new int[levels];
        int[] ends = new int[levels];
        int k = 0;
        for (int c : blocks) {
            chain[k] = c;
            ends[k++] = endOf[c];
        }
        if (!carried.get(chain[0]).isEmpty() || !carried.get(inner).isEmpty()) {
            return null;
        }
        return new DispatchNest(chain, ends, i);
    }

    /**
     * What leaving a region that starts at {@code start} with exit {@code code} carries: the values a branch to
     * that label takes along (the function's results for -1). The region method leaves them in the frame after
     * the locals; its caller pushes them back before branching on.
     */
    List<ValType> carried(int start, int code) {
        if (code == -1) {
            return functionResults;
        }
        int c = enclosing[start];
        for (int k = 1; k < code; k++) {
            c = c < 0 ? -1 : parent[c];
        }
        return c < 0 ? functionResults : carried.get(c);
    }

    /** Whether the function holds a dispatch nest ({@link DispatchNest}) that may be planned flat. */
    boolean hasNests() {
        return !nests.isEmpty();
    }

    /** The values construct {@code c} leaves (for a block, also what a branch to it carries). */
    List<ValType> blockResults(int c) {
        return carried.get(c);
    }

    /** The frame slots after the locals: one for a result, or as many as the widest branch carries. */
    int frameExtra() {
        return maxCarried;
    }

    private static int[] frame(ArrayDeque<int[]> open, int depth) {
        int i = 0;
        for (int[] f : open) {
            if (i++ == depth) {
                return f;
            }
        }
        return open.peekLast();
    }

    /**
     * Regions for the function body (all but its final {@code end}) of at most {@code budget} bytes (or
     * instructions, see the constructor) each; empty when the function returns several values (not split yet).
     * With {@code flat}, dispatch nests become groups (under {@link #groupKey} keys) where their head's method
     * can hold the dispatch; otherwise, and for other nests, nested blocks are split level by level.
     */
    Map<Integer, Region> plan(int budget, boolean flat) {
        return plan(budget, flat, GROUP_BUDGET);
    }

    /** {@link #plan(int, boolean)} with groups of dispatch nests holding up to {@code groupBudget} bytes. */
    Map<Integer, Region> plan(int budget, boolean flat, int groupBudget) {
        this.budget = budget;
        this.flat = flat;
        this.groupBudget = groupBudget;
        pinned.clear();
        Map<Integer, Region> chosen = new HashMap<>();
        if (multiResult || cost(0, code.size()) <= budget) {
            return chosen;
        }
        residual = choose(0, code.size() - 1, 0, chosen);
        return chosen;
    }

    /** The cost of instructions {@code [from, to)}: bytecode bytes when offsets are known, else instructions. */
    private int cost(int from, int to) {
        return offsets == null ? to - from : offsets[Math.min(to, offsets.length - 1)] - offsets[from];
    }

    private boolean isConstruct(int i) {
        OpCode op = code.get(i).opcode();
        return op == OpCode.BLOCK || op == OpCode.LOOP || op == OpCode.IF || op == OpCode.TRY_TABLE;
    }

    /**
     * Splits the run {@code [from, to)}, one nesting level whose operand stack starts at height {@code base},
     * into regions of at most the budget, and returns what the run costs its method afterwards (region calls
     * counted at {@link #CALL_BYTES}).
     *
     * <p>A region may only start and end where this level's own stack is empty (height {@code base}):
     * validation forbids the code of a block to pop below its base, so such a run can never consume a value
     * pushed before it, and leaves nothing behind. A construct larger than the budget is split inside first
     * (recursively); if what is left of it then fits, it may become a region of its own at this level, whose
     * method calls the inner regions in turn. Beside such a construct every statement worth a call is outlined
     * before the construct is: in an interpreter's dispatch (a deep nest of blocks, one case after each) that
     * keeps the blocks of many levels in one method and each case one call away, where outlining the nest level
     * by level made a chain of nested methods every dispatched case had to descend.
     */
    private int choose(int from, int to, int base, Map<Integer, Region> chosen) {
        int residual = 0;
        int chunkStart = -1;
        int chunkCost = 0;
        int lastCut = -1;
        int costAtLastCut = 0;
        // Chunks that fitted the budget and were left inline: made regions only if the level is still too big.
        List<int[]> pending = new ArrayList<>();
        List<int[]> splitConstructs = new ArrayList<>();
        for (int i = from, next; i < to; i = next) {
            next = isConstruct(i) ? endOf[i] + 1 : i + 1;
            int item = cost(i, next);
            boolean barrier = height[i] < 0 || code.get(i).opcode() == OpCode.ELSE;
            boolean standsAlone = false;
            if (!barrier && isConstruct(i) && item > budget) {
                DispatchNest nest = flat ? nests.get(i) : null;
                Map<Integer, Region> groups = new HashMap<>();
                int flatItem = nest != null ? planNest(nest, groups) : Integer.MAX_VALUE;
                // The head's method may take a nest up to the split's target size however small the budget: its
                // call sites grow with the number of groups, not with the budget (trials measure what it became).
                if (flatItem <= Math.max(budget, inBytes() ? SplitSearch.TARGET_METHOD_SIZE : budget)) {
                    chosen.putAll(groups);
                    item = flatItem;
                    pinUpToLoop(i);
                } else {
                    // No nest, or one whose head and call sites alone pass the budget: split it level by level.
                    item = recurse(i, chosen);
                }
                barrier = item > budget;
                // What is left of a construct split inside stands alone where it may be a region by itself:
                // the statements around it are outlined first, so that a dispatch nest keeps its blocks here,
                // not in a chain of calls. Elsewhere (a value pushed before it) it joins a chunk as before.
                standsAlone = !barrier && height[i] == base && height[next] == base;
            }
            if (barrier || standsAlone) {
                residual += flush(chunkStart, chunkCost, lastCut, costAtLastCut, pending) + item;
                chunkStart = -1;
                if (standsAlone) {
                    splitConstructs.add(new int[] {i, next, item});
                }
                continue;
            }
            if (chunkStart < 0) {
                if (height[i] != base) {
                    residual += item;
                    continue;
                }
                chunkStart = i;
                chunkCost = 0;
                lastCut = -1;
                costAtLastCut = 0;
            }
            chunkCost += item;
            if (height[next] == base) {
                if (chunkCost > budget && lastCut > chunkStart) {
                    residual += close(chunkStart, lastCut, costAtLastCut, chosen);
                    chunkStart = lastCut;
                    chunkCost -= costAtLastCut;
                }
                lastCut = next;
                costAtLastCut = chunkCost;
            }
        }
        residual += flush(chunkStart, chunkCost, lastCut, costAtLastCut, pending);
        // The level as a whole must fit too: outline its largest inline chunks until it does.
        pending.sort((x, y) -> Integer.compare(y[2], x[2]));
        // Beside a construct split inside (a dispatch nest's next level), every statement worth a call is
        // outlined, not just enough to fit: the less each level of a nest keeps inline, the more levels share
        // one method, and the fewer nested region calls a case of the dispatch costs.
        boolean nest = !splitConstructs.isEmpty();
        for (int k = 0; k < pending.size() && (residual > budget || nest && pending.get(k)[2] > 2 * callBytes()); k++) {
            int[] c = pending.get(k);
            residual += close(c[0], c[1], c[2], chosen) - c[2];
        }
        splitConstructs.sort((x, y) -> Integer.compare(y[2], x[2]));
        for (int k = 0; k < splitConstructs.size() && residual > budget; k++) {
            int[] c = splitConstructs.get(k);
            residual += close(c[0], c[1], c[2], chosen) - c[2];
        }
        return residual;
    }

    private boolean inBytes() {
        return offsets != null;
    }

    private int callBytes() {
        return offsets == null ? 1 : CALL_BYTES;
    }

    /** Ends the open chunk: its part up to the last cut is a candidate region; what follows stays inline. */
    private static int flush(int chunkStart, int chunkCost, int lastCut, int costAtLastCut, List<int[]> pending) {
        if (chunkStart < 0) {
            return 0;
        }
        if (lastCut < 0) {
            return chunkCost;
        }
        pending.add(new int[] {chunkStart, lastCut, costAtLastCut});
        return chunkCost;
    }

    /**
     * Chooses regions inside construct {@code c} (its body, or both arms of an {@code if}) and returns what the
     * construct then costs its method: its own instructions plus what is left of its bodies.
     */
    private int recurse(int c, Map<Integer, Region> chosen) {
        int end = endOf[c];
        int els = elseOf[c];
        // The construct's own stack starts where its parameters (and an if's condition) were.
        int inner = height[c] - blockParams[c] - (code.get(c).opcode() == OpCode.IF ? 1 : 0);
        int whole = cost(c, end + 1);
        if (els > 0) {
            return whole - cost(c + 1, els) - cost(els + 1, end) + choose(c + 1, els, inner, chosen)
                    + choose(els + 1, end, inner, chosen);
        }
        return whole - cost(c + 1, end) + choose(c + 1, end, inner, chosen);
    }

    /**
     * Splits a dispatch nest into groups of at most the group budget (handlers larger than the budget split inside
     * first) and returns what the head's method then pays for the nest: the head, a stub and an entry-switch case
     * per level, a call site per group.
     */
    private int planNest(DispatchNest nest, Map<Integer, Region> chosen) {
        int levels = nest.levels();
        DispatchNest.Plan plan = new DispatchNest.Plan(nest);
        boolean inBytes = offsets != null;
        int groupCost = inBytes ? GROUP_BYTES : 0;
        int hi = levels - 1;
        int sum = groupCost;
        int groupBudget = inBytes ? Math.min(budget, this.groupBudget) : budget;
        for (int k = levels - 1; k >= 1; k--) {
            int from = nest.entry(k);
            int to = nest.ends[k - 1];
            int handler = choose(from, to, height[nest.chain[k - 1]], chosen) + cost(to, to + 1)
                    + (inBytes ? ENTRY_BYTES : 0);
            if (k < hi && sum + handler > groupBudget) {
                plan.add(group(plan, k + 1, hi));
                hi = k;
                sum = groupCost;
            }
            sum += handler;
        }
        plan.add(group(plan, 1, hi));
        for (Region g : plan.groups) {
            chosen.put(groupKey(g.start), g);
        }
        // The head as measured, less its br_table's jump table (a lookup in a string constant instead).
        int head = cost(nest.chain[levels - 1] + 1, nest.brTable)
                + (inBytes ? LOOKUP_BYTES : 1);
        return inBytes ? head + LEVEL_BYTES * levels + CALL_SITE_BYTES * plan.groups.size()
                : head + plan.groups.size();
    }

    /**
     * Keeps the constructs from a flat nest out to its loop from becoming regions of their own: the loop's
     * back-edge, the head and the group call sites then stay in one method. Outlined inside the loop, the nest
     * would cost every dispatched case one more call; the loop itself (or what holds it) may still be.
     */
    private void pinUpToLoop(int nestStart) {
        for (int c = nestStart; c >= 0 && code.get(c).opcode() != OpCode.LOOP; c = parent[c]) {
            pinned.set(c);
        }
    }

    private Region group(DispatchNest.Plan plan, int lo, int hi) {
        DispatchNest nest = plan.nest;
        Region g = new Region(nest.chain[lo - 1], nest.ends[lo - 1] + 1, plan, lo, hi);
        scan(g);
        return g;
    }

    /**
     * Makes {@code [start, end)} a region if it may be one, and returns what it then costs its method: a call,
     * or {@code cost} when it stays.
     */
    private int close(int start, int end, int cost, Map<Integer, Region> chosen) {
        // Not a construct kept with its loop, nor a run of statements holding one (SpiderMonkey's nest sits in
        // a chunk after a local.get, inside the interpreter's loop).
        int pin = start < 0 ? -1 : pinned.nextSetBit(start);
        if (start < 0 || pin >= 0 && pin < end || end <= start || end - start < Math.min(MIN_REGION, Math.max(2, budget / 2))
                || cost > budget) {
            return cost;
        }
        chosen.put(start, region(start, end));
        return offsets == null ? 1 : CALL_BYTES;
    }

    private Region region(int start, int end) {
        Region r = new Region(start, end);
        scan(r);
        return r;
    }

    /** Records the locals a region uses and writes and the exits it may take (a group's cut-out part not seen). */
    private void scan(Region r) {
        int base = blocksOpen[r.start];
        for (int i = r.start; i < r.end; i++) {
            if (i == r.cutFrom()) {
                i = r.cutTo();
                continue;
            }
            AnnotatedInstruction ins = code.get(i);
            int inner = blocksOpen[i] - base;
            switch (ins.opcode()) {
                case LOCAL_GET:
                    r.used.set((int) ins.operand(0));
                    break;
                case LOCAL_SET:
                case LOCAL_TEE:
                    r.used.set((int) ins.operand(0));
                    r.written.set((int) ins.operand(0));
                    break;
                case RETURN:
                case RETURN_CALL:
                case RETURN_CALL_INDIRECT:
                case RETURN_CALL_REF:
                    r.exitCodes.add(-1);
                    break;
                case BR:
                case BR_IF:
                case BR_ON_NULL:
                case BR_ON_NON_NULL:
                    exit(r, base, inner, (int) ins.operand(0));
                    break;
                case BR_ON_CAST:
                case BR_ON_CAST_FAIL:
                    exit(r, base, inner, (int) ins.operand(1)); // after the flags
                    break;
                case BR_TABLE:
                    for (int k = 0; k < ins.operandCount(); k++) {
                        exit(r, base, inner, (int) ins.operand(k));
                    }
                    break;
                case TRY_TABLE:
                    // A catch clause branches as a br placed before the try_table would.
                    for (int[] c : ExceptionOps.clauses(ins)) {
                        exit(r, base, inner, c[2]);
                    }
                    break;
                default:
                    break;
            }
        }
    }

    /**
     * A branch of depth {@code d} where {@code inner} frames are open inside the region: it leaves when
     * {@code d >= inner}, to the label {@code d - inner} levels out from the region's start; a branch to the
     * function's own label ({@code base} blocks are open at the start) is a return.
     */
    static int exitCode(int base, int inner, int d) {
        int out = d - inner;
        return out == base ? -1 : out + 1;
    }

    private static void exit(Region r, int base, int inner, int d) {
        if (d >= inner) {
            r.exitCodes.add(exitCode(base, inner, d));
        }
    }

    /** Blocks open (the function's own frame not counted) before instruction {@code i}. */
    int blocksOpen(int i) {
        return blocksOpen[i];
    }
}
