package io.fssdk.runtime.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A JavaScript component built by componentize-qjs: 24 nested components, 11 core modules, start
 * functions in fixup modules and WASI imports satisfied by stub components inside the binary.
 */
class QuickJsComponentTest {
    @ParameterizedTest(name = "{0}")
    @EnumSource(ExecutionMode.class)
    void aQuickJsComponentRunsItsExports(ExecutionMode mode) {
        // Regression: this failed with "indirect call type mismatch" until core modules shared one type
        // section (Chicory checks call_indirect types by index, across modules sharing a table).
        Component component = switch (mode) {
            case INTERPRETER -> TestComponents.interpreted("qjs.wasm");
            case COMPILER -> TestComponents.load("qjs.wasm");
            case CHICORY_COMPILER -> TestComponents.chicoryCompiled("qjs.wasm");
        };
        assertTrue(component.coreModuleCount() > 5, "core modules: " + component.coreModuleCount());
        List<String> logs = new ArrayList<>();
        ComponentInstance i = Linker.builder().function("test:qjs/host", "log", a -> {
            logs.add(((WitValue.Str) a.get(0)).value());
            return Optional.empty();
        }).build().instantiate(component);
        assertEquals(WitValue.string("Hello, Ada!"), i.call("greet", WitValue.string("Ada")).orElseThrow());
        assertEquals(WitValue.string("Hello, Bob!"), i.call("greet", WitValue.string("Bob")).orElseThrow());
        assertEquals(List.of("greet #1", "greet #2"), logs);
        assertEquals(WitValue.s32(-2147483646), i.call("sum",
                WitValue.list(WitValue.s32(1), WitValue.s32(2), WitValue.s32(Integer.MAX_VALUE))).orElseThrow());
        assertEquals(WitValue.ok(WitValue.string("4 is even")), i.call("describe", WitValue.some(WitValue.u32(4))).orElseThrow());
        assertEquals(WitValue.ok(WitValue.string("7 is odd")), i.call("describe", WitValue.some(WitValue.u32(7))).orElseThrow());
        assertEquals(WitValue.err(WitValue.string("nothing")), i.call("describe", WitValue.none()).orElseThrow());
    }
}
