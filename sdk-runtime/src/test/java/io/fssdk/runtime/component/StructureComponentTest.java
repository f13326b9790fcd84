package io.fssdk.runtime.component;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Component structure: nested components instantiated twice with cross-component calls and outer
 * aliases (nested.wat), start functions in order (start.wat), and functions beyond the flattening limits
 * (big-flat.wat).
 */
class StructureComponentTest {
    private static WitValue u32(int v) {
        return WitValue.u32(v);
    }

    @Test
    void nestedComponentsKeepSeparateStateAndCallAcrossComponents() {
        ComponentInstance i = Linker.builder().build().instantiate(TestComponents.load("nested.wasm"));
        assertEquals(u32(42), i.call("first#double", u32(21)).orElseThrow());
        assertEquals(u32(6), i.call("first#via-base", u32(5)).orElseThrow());
        assertEquals(u32(50), i.call("second#via-base", u32(5)).orElseThrow());
        assertEquals(u32(60), i.call("second#via-base", u32(6)).orElseThrow());
        assertEquals(u32(1), i.call("first#calls").orElseThrow());
        assertEquals(u32(2), i.call("second#calls").orElseThrow());
        assertEquals(u32(8), i.call("test:nested/bundle#double", u32(4)).orElseThrow());
        assertEquals(u32(30), i.call("test:nested/bundle#ten-x", u32(3)).orElseThrow());
        assertEquals(u32(3), i.call("second#calls").orElseThrow());
        assertEquals(u32(16), i.call("double", u32(8)).orElseThrow());
    }

    @Test
    void startFunctionsRunOnceInOrder() {
        ComponentInstance i = Linker.builder().build().instantiate(TestComponents.load("start.wasm"));
        assertEquals(u32(42), i.call("value").orElseThrow());
        assertEquals(u32(1), i.call("start-calls").orElseThrow());
    }

    private static WitValue rec17() {
        List<WitValue> fields = new ArrayList<>();
        for (int k = 1; k <= 17; k++) {
            fields.add(u32(k));
        }
        return new WitValue.Record(fields);
    }

    @Test
    void paramsAndResultsBeyondTheFlatLimitsGoThroughMemory() {
        List<WitValue> seen = new ArrayList<>();
        ComponentInstance i = Linker.builder().function("test:host/big", "take17", a -> {
            seen.addAll(a);
            return Optional.of(WitValue.tuple(WitValue.u64(123456789012L), u32(17)));
        }).build().instantiate(TestComponents.load("big-flat.wasm"));
        assertEquals(WitValue.tuple(WitValue.u64(153), u32(17)), i.call("sum17", rec17()).orElseThrow());
        WitValue[] flat = new WitValue[17];
        for (int k = 0; k < 17; k++) {
            flat[k] = u32(k + 1);
        }
        assertEquals(u32(153), i.call("sum17-flat", flat).orElseThrow());
        assertEquals(WitValue.tuple(WitValue.u64(123456789012L), u32(17)), i.call("call-take17", rec17()).orElseThrow());
        assertEquals(List.of(rec17()), seen);
    }
}
