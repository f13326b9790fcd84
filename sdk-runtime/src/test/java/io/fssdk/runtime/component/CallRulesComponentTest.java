package io.fssdk.runtime.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The synchronous call rules a host must enforce (call-rules.wat): realloc and post-return may not call
 * imports, and an instance may not be reentered while it runs.
 */
class CallRulesComponentTest {
    private final AtomicInteger pings = new AtomicInteger();
    private final AtomicReference<Runnable> onPing = new AtomicReference<>(() -> { });

    private ComponentInstance instance() {
        return Linker.builder().function("test:host/ping", "ping", args -> {
            pings.incrementAndGet();
            onPing.get().run();
            return Optional.empty();
        }).build().instantiate(TestComponents.load("call-rules.wasm"));
    }

    @Test
    void aWellBehavedGuestEchoes() {
        ComponentInstance i = instance();
        assertEquals(WitValue.string("hi"), i.call("echo", WitValue.string("hi")).orElseThrow());
        assertEquals(0, pings.get());
    }

    @Test
    void reallocMayNotCallImports() {
        ComponentInstance i = instance();
        i.call("set-mode", WitValue.u32(1));
        TrapException e = assertThrows(TrapException.class, () -> i.call("echo", WitValue.string("hi")));
        assertTrue(e.getMessage().contains("cabi_realloc"), e.getMessage());
        assertEquals(0, pings.get());
        assertTrue(i.isPoisoned());
    }

    @Test
    void postReturnMayNotCallImports() {
        ComponentInstance i = instance();
        i.call("set-mode", WitValue.u32(2));
        TrapException e = assertThrows(TrapException.class, () -> i.call("echo", WitValue.string("hi")));
        assertTrue(e.getMessage().contains("post-return"), e.getMessage());
        assertEquals(0, pings.get());
    }

    @Test
    void aHostFunctionMayNotReenterTheInstanceThatCalledIt() {
        ComponentInstance i = instance();
        AtomicReference<Throwable> inner = new AtomicReference<>();
        onPing.set(() -> {
            try {
                i.call("set-mode", WitValue.u32(0));
            } catch (TrapException e) {
                inner.set(e);
                throw e;
            }
        });
        assertThrows(TrapException.class, () -> i.call("call-ping"));
        assertTrue(inner.get().getMessage().contains("reenter"), String.valueOf(inner.get()));
    }
}
