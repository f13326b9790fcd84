package io.fssdk.runtime.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Host functions of several types called from a guest (imports.wat), including ones whose results the
 * host must place in guest memory through the guest's realloc while the import runs.
 */
class ImportsComponentTest {
    private static final String API = "test:host/api@0.2.12"; // the guest imports @0.2.0: semver-compatible
    private final List<String> logged = new ArrayList<>();

    private Linker.Builder host() {
        return Linker.builder()
                .function(API, "add", a -> Optional.of(WitValue.u32(((WitValue.U32) a.get(0)).value() + ((WitValue.U32) a.get(1)).value())))
                .function(API, "log", a -> {
                    logged.add(((WitValue.Str) a.get(0)).value());
                    return Optional.empty();
                })
                .function(API, "greet", a -> Optional.of(WitValue.string("hello, " + ((WitValue.Str) a.get(0)).value() + "!")))
                .function(API, "numbers", a -> {
                    int n = ((WitValue.U32) a.get(0)).value();
                    List<WitValue> out = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        out.add(WitValue.u32(i * i));
                    }
                    return Optional.of(new WitValue.ListValue(out));
                })
                .function(API, "sum-all", a -> Optional.of(WitValue.f64(((WitValue.S8) a.get(0)).value()
                        + Short.toUnsignedInt(((WitValue.U16) a.get(1)).value()) + ((WitValue.S64) a.get(2)).value()
                        + ((WitValue.F32) a.get(3)).value() + ((WitValue.F64) a.get(4)).value())))
                .function(API, "maybe", a -> Optional.of(((WitValue.OptionValue) a.get(0)).value()
                        .map(v -> (WitValue) WitValue.ok(WitValue.u32(((WitValue.U32) v).value() + 1)))
                        .orElse(WitValue.err(WitValue.string("none given")))));
    }

    @Test
    void everyImportRoundTrips() {
        ComponentInstance i = host().build().instantiate(TestComponents.load("imports.wasm"));
        assertEquals(WitValue.u32(5), i.call("call-add", WitValue.u32(2), WitValue.u32(3)).orElseThrow());
        i.call("call-log", WitValue.string("hé"));
        assertEquals(List.of("hé"), logged);
        assertEquals(WitValue.string("hello, wörld!"), i.call("call-greet", WitValue.string("wörld")).orElseThrow());
        assertEquals(WitValue.string("hello, x😀!"), i.call("call-greet-utf16", WitValue.string("x😀")).orElseThrow());
        assertEquals(WitValue.list(WitValue.u32(0), WitValue.u32(1), WitValue.u32(4), WitValue.u32(9)),
                i.call("call-numbers", WitValue.u32(4)).orElseThrow());
        assertEquals(WitValue.f64(65529.75), i.call("call-sum-all", WitValue.s8(-1), WitValue.u16(65535),
                WitValue.s64(-5), WitValue.f32(0.5f), WitValue.f64(0.25)).orElseThrow());
        assertEquals(WitValue.ok(WitValue.u32(42)), i.call("call-maybe", WitValue.some(WitValue.u32(41))).orElseThrow());
        assertEquals(WitValue.err(WitValue.string("none given")), i.call("call-maybe", WitValue.none()).orElseThrow());
        assertTrue(((WitValue.U32) i.call("realloc-count").orElseThrow()).value() > 0);
    }

    @Test
    void aHostVersionOfAnotherMinorIsNotCompatible() {
        Linker wrong = Linker.builder().function("test:host/api@0.3.0", "add", a -> Optional.empty()).build();
        LinkException e = assertThrows(LinkException.class, () -> wrong.instantiate(TestComponents.load("imports.wasm")));
        assertTrue(e.getMessage().contains("test:host/api@0.2.0"), e.getMessage());
    }

    @Test
    void aDeclaredSignatureThatDiffersIsALinkErrorSayingBoth() {
        Linker wrong = host().function("test:host/api@0.2.0", "add",
                FuncSignature.of(List.of(WitType.field("a", PrimitiveType.U64)), PrimitiveType.U64), a -> Optional.empty())
                .build();
        LinkException e = assertThrows(LinkException.class, () -> wrong.instantiate(TestComponents.load("imports.wasm")));
        assertTrue(e.getMessage().contains("expected func(a: u32, b: u32) -> u32"), e.getMessage());
    }

    @Test
    void unknownImportsCanBeStubbedAndTrapWhenCalled() {
        ComponentInstance i = Linker.builder().stubUnknownImports(true).build().instantiate(TestComponents.load("imports.wasm"));
        TrapException e = assertThrows(TrapException.class, () -> i.call("call-add", WitValue.u32(1), WitValue.u32(2)));
        assertTrue(e.getMessage().contains("add"), e.getMessage());
    }

    @Test
    void aHostResultOfTheWrongTypeTraps() {
        Linker bad = Linker.builder().stubUnknownImports(true)
                .function(API, "greet", a -> Optional.of(WitValue.u32(1))).build();
        ComponentInstance i = bad.instantiate(TestComponents.load("imports.wasm"));
        assertThrows(TrapException.class, () -> i.call("call-greet", WitValue.string("x")));
    }
}
