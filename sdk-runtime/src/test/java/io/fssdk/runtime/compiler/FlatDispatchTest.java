package io.fssdk.runtime.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The ways a handler of a dispatch nest leaves it, each of which a flat dispatch ({@link DispatchNest}: handlers
 * in groups, entered by an entry number) must route across groups exactly as wasm's nested blocks do:
 * <ul>
 *   <li>falling off into the next handler;</li>
 *   <li>branching forward to a later handler (a shared tail);</li>
 *   <li>a chain block that yields a value, reached by falling off and by a branch from a handler far away
 *       (another group), the value passed through the frame;</li>
 *   <li>a {@code br_table} target past the nest, and a {@code return} from inside a handler.</li>
 * </ul>
 * The function is split with the default plan and with tiny forced regions, and both agree with Chicory's
 * interpreter on programs that take every path.
 */
class FlatDispatchTest {
    private static final int HANDLERS = 240;
    /** The chain block {@code $case_V} yields an i32. */
    private static final int VALUED = 120;
    private static final int PROGRAM = 4000;
    private static final int SCRATCH = 8192;
    private static final int END = 8;

    @Test
    void everyWayOutOfAHandlerAgreesWithTheInterpreter() throws Exception {
        WasmModule m = Parser.parse(module());
        List<DifferentialEngine.Call> calls = new ArrayList<>();
        for (long start : new long[] {0, 17, 1500, 2900, PROGRAM - 12, PROGRAM - 3}) {
            calls.add(new DifferentialEngine.Call("run", new long[] {start}));
        }
        List<String> expected = new DifferentialEngine(m, null).run(calls);
        for (CompilerOptions options : List.of(CompilerOptions.DEFAULTS, CompilerOptions.splittingEverything(40))) {
            CompiledWasm compiled = WasmCompiler.compile(m, options);
            assertEquals(Set.of(), compiled.interpretedFunctions(), "falls back: " + compiled.interpretedReasons());
            if (options == CompilerOptions.DEFAULTS) {
                // Forced tiny regions make a group per handler or two, and call sites beyond the limit: a test
                // of routing only.
                assertEquals(Map.of(), compiled.overJitLimit());
            }
            assertEquals(expected, new DifferentialEngine(m, compiled).run(calls), "with " + options);
        }
        assertTrue(expected.stream().distinct().count() > 3, "the programs end in different ways: " + expected);
    }

    @Test
    void theValueCrossesGroups() {
        SplitSearch.Plan plan = DispatchNestTest.splitOfFirstFunction(Parser.parse(module()));
        RegionPlanner.Region group = plan.regions().values().stream().filter(r -> r.nest != null).findFirst()
                .orElseThrow(() -> new AssertionError("the nest is dispatched flat"));
        DispatchNest.Plan nest = group.nest;
        int levels = nest.nest.levels(); // $exit, then $case_{n-1} .. $case_0: $case_i is level levels - 1 - i
        assertTrue(nest.groups.size() >= 3, nest.groups.size() + " groups");
        assertTrue(nest.groupOf[levels - 1 - VALUED] != nest.groupOf[levels - 1 - 2],
                "handler 2 branches with a value to a chain block in another group");
    }

    /**
     * {@code (func (export "run") (param $pc i32) (result i32))}: a dispatch loop over a program of opcodes at
     * address 0 (see {@link #handler} for what each does), ended by the default target.
     */
    static byte[] module() {
        WasmBytes body = new WasmBytes();
        body.u(1).u(2).bytes(0x7f); // locals 1 = pc, 2 = acc
        body.bytes(0x20).u(0).bytes(0x21).u(1);
        body.bytes(0x02).bytes(0x7f); // block $done (result i32)
        body.bytes(0x02).bytes(0x40); // block $outer
        body.bytes(0x03).bytes(0x40); // loop $next
        body.bytes(0x02).bytes(0x40); // block $exit
        for (int i = HANDLERS - 1; i >= 0; i--) {
            body.bytes(0x02).bytes(i == VALUED ? 0x7f : 0x40); // block $case_i, $case_0 innermost
        }
        body.bytes(0x20).u(1).bytes(0x2d).u(0).u(0); // i32.load8_u (local.get pc)
        body.bytes(0x0e).u(HANDLERS); // br_table over the cases, default $exit
        for (int i = 0; i < HANDLERS; i++) {
            if (i == VALUED) {
                body.u(i + 1); // $case_V yields a value: its index goes to the next case
            } else if (i == HANDLERS - 1) {
                body.u(HANDLERS + 2); // past the nest: $outer
            } else {
                body.u(i);
            }
        }
        body.u(HANDLERS); // default: $exit
        for (int i = 0; i < HANDLERS; i++) {
            body.bytes(0x0b); // end of $case_i: handler i follows, inside $case_{i+1}..
            handler(body, i);
        }
        body.bytes(0x0b); // end $exit
        body.bytes(0x20).u(2).bytes(0x0c).u(2); // br $done with acc
        body.bytes(0x0b); // end loop
        body.bytes(0x00);
        body.bytes(0x0b); // end $outer
        body.bytes(0x20).u(2).bytes(0x41).s(1000).bytes(0x6a); // acc + 1000, falling into $done's end
        body.bytes(0x0b); // end $done
        body.bytes(0x0b);

        WasmBytes m = DispatchNestTest.runModule(body);
        // Ended by several default opcodes: a handler that falls through or branches on steps pc past some.
        WasmBytes data = new WasmBytes().u(1).bytes(0x00).bytes(0x41).s(0).bytes(0x0b).u(PROGRAM + END);
        for (int k = 0; k < PROGRAM; k++) {
            int op = (k * 61 + k / 5) % (HANDLERS - 1); // never the opcode that leaves through $outer...
            data.bytes(k == PROGRAM - 8 ? HANDLERS - 1 : op); // ...but once, near the end
        }
        for (int k = 0; k < END; k++) {
            data.bytes(255);
        }
        m.section(11, data);
        return m.toByteArray();
    }

    /**
     * Handler {@code i}: mixes the accumulator through memory, then, by {@code i}: falls off into the next
     * handler, branches forward three handlers, sends a value to {@code $case_V} from far away, returns if a bit
     * is set, or (most) steps {@code pc} and loops. Handler {@code V - 1} leaves a value in {@code $case_V}, and
     * handler {@code V} takes it.
     */
    private static void handler(WasmBytes body, int i) {
        int open = HANDLERS - 1 - i; // $case_{i+1} .. $case_{n-1} are open around handler i
        if (i == VALUED) {
            body.bytes(0x20).u(2).bytes(0x73).bytes(0x21).u(2); // acc ^= the value $case_V yields
        }
        body.bytes(0x41).s(SCRATCH).bytes(0x20).u(2).bytes(0x41).s(31 * i + 7).bytes(0x6c).bytes(0x20).u(1)
                .bytes(0x6a).bytes(0x36).u(2).u(0);
        body.bytes(0x41).s(SCRATCH).bytes(0x28).u(2).u(0).bytes(0x41).s(i).bytes(0x6a).bytes(0x21).u(2);
        body.bytes(0x20).u(1).bytes(0x41).s(1).bytes(0x6a).bytes(0x21).u(1); // pc++
        if (i == VALUED - 1) {
            body.bytes(0x20).u(2).bytes(0x41).s(3).bytes(0x6c); // acc * 3, falling off into $case_V's end
        } else if (i < VALUED - 1 && i % 40 == 2) {
            body.bytes(0x20).u(2).bytes(0x41).s(5).bytes(0x6a).bytes(0x0c).u(VALUED - (i + 1)); // br $case_V
        } else if (i % 10 == 3 && i + 1 != VALUED && i + 1 < HANDLERS) {
            return; // fall off into handler i + 1
        } else if (i % 10 == 5 && i + 3 < HANDLERS && i + 3 != VALUED && i + 2 != VALUED && i + 1 != VALUED) {
            body.bytes(0x0c).u(2); // br $case_{i+3}: on to handler i + 3
        } else if (i % 50 == 11) {
            // return acc when it has bit 18 set
            body.bytes(0x20).u(2).bytes(0x41).s(1 << 18).bytes(0x71).bytes(0x04).bytes(0x40).bytes(0x20).u(2)
                    .bytes(0x0f).bytes(0x0b);
            body.bytes(0x0c).u(open + 1); // br $next
        } else {
            body.bytes(0x0c).u(open + 1); // br $next
        }
    }
}
