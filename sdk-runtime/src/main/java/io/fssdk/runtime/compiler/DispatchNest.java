package io.fssdk.runtime.compiler;

import java.util.ArrayList;
import java.util.List;

/**
 * An interpreter's dispatch loop as clang lays it out in wasm, found in a function by {@link RegionPlanner}: a
 * chain of blocks {@code C_0 .. C_{n-1}}, each the first instruction of the one around it, the innermost
 * ending in a {@code br_table} (the <em>head</em> reads an opcode and dispatches). After the {@code end} of each
 * {@code C_k} stands the handler for the cases that branch there; its <em>entry</em> {@code k} is the
 * instruction after that {@code end}. Entry 0 is the code after the whole nest.
 *
 * <p>Split level by level, every dispatched case descended a chain of nested region methods (QuickJS: 3-5 calls,
 * each with its exit-code dispatch). Compiled flat, the head's method calls one <em>group</em> per case: a
 * method holding the handlers of entries {@code lo..hi}, entered at any of them through a {@code tableswitch}
 * on an entry argument (a group is the region over construct {@code C_{lo-1}} with {@code C_hi} cut out, so
 * handlers fall through and branch to each other inside it as in wasm). Where a plain region returns an exit
 * code, a group returns the entry to go on at (falling off it, or branching to a chain block), which the head's
 * method switches on to call that entry's group; or a negative number for the ways out of the nest.
 *
 * <p>Values a branch carries to a chain block wait in the frame's slots after the locals, as those leaving any
 * region do, when the branch crosses a method: the group's entry pushes them back.
 */
final class DispatchNest {
    /** Instruction index of each chain block, outermost first. */
    final int[] chain;
    /** Instruction index of each chain block's {@code end}. */
    final int[] ends;
    /** The dispatching {@code br_table}. */
    final int brTable;
    DispatchNest(int[] chain, int[] ends, int brTable) {
        this.chain = chain;
        this.ends = ends;
        this.brTable = brTable;
    }

    /** The number of chain blocks. */
    int levels() {
        return chain.length;
    }

    /** The instruction where entry {@code k}'s handler starts (for {@code k = 0}, the code after the nest). */
    int entry(int k) {
        return ends[k] + 1;
    }

    /** One split of a nest into groups (the planner's choice for one budget). */
    static final class Plan {
        final DispatchNest nest;
        /** The groups, highest entries first. */
        final List<RegionPlanner.Region> groups = new ArrayList<>();
        /** The index in {@link #groups} of the group holding each entry (unused for entry 0). */
        final int[] groupOf;

        Plan(DispatchNest nest) {
            this.nest = nest;
            this.groupOf = new int[nest.levels()];
        }

        void add(RegionPlanner.Region group) {
            for (int k = group.lo; k <= group.hi; k++) {
                groupOf[k] = groups.size();
            }
            groups.add(group);
        }
    }
}
