package io.fssdk.runtime.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A component lists its imports and exports with resolved types, without running anything. */
class DescribeComponentTest {
    @Test
    void theKvGuestListsTheFunctionsItImportsAndTheProcessorExports() {
        Component c = TestComponents.load("kv-host.wasm");
        ComponentExtern.Interface kv = (ComponentExtern.Interface) c.imports().stream()
                .filter(i -> i.name().equals("functionstream:core/kv@0.1.0")).findFirst().orElseThrow();
        assertTrue(kv.members().contains(new ComponentExtern.Resource("store")), kv.wit());
        String text = c.describe();
        assertTrue(text.contains("[method]store.get-state: func(self: borrow<store>, key: list<u8>) -> "
                + "result<option<list<u8>>, variant { not-found, io-error(string), other(string) }>;"), text);
        assertTrue(text.contains("export fs-process: func(source-id: u32, data: list<u8>);"), text);
        List<String> exports = c.exports().stream().map(ComponentExtern::name).toList();
        assertEquals(List.of("fs-init", "fs-process", "fs-process-watermark", "fs-take-checkpoint",
                "fs-check-heartbeat", "fs-close", "fs-exec", "fs-custom"), exports);
    }

    @Test
    void nestedInstancesAreDescribedThroughTheirComponents() {
        String text = TestComponents.load("nested.wasm").describe();
        assertTrue(text.contains("export first: interface {"), text);
        assertTrue(text.contains("double: func(x: u32) -> u32;"), text);
    }

    @Test
    void describingRunsNoGuestCode() {
        // start.wasm's start functions count their runs; describing must not run them.
        Component c = TestComponents.load("start.wasm");
        c.describe();
        ComponentInstance i = Linker.builder().build().instantiate(c);
        assertEquals(WitValue.u32(1), i.call("start-calls").orElseThrow());
    }
}
