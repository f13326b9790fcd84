package io.fssdk.runtime.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a discarded instance held is closed, every item even when some fail, and failures are kept. */
class GuestResourcesTest {
    private final List<String> closed = new ArrayList<>();

    private AutoCloseable resource(String name, RuntimeException failure) {
        return () -> {
            closed.add(name);
            if (failure != null) {
                throw failure;
            }
        };
    }

    @Test
    void releasedResourcesAreNotClosedAgain() {
        GuestResources r = new GuestResources();
        AutoCloseable a = resource("a", null);
        r.register(a);
        r.register(resource("b", null));
        r.release(a);
        assertEquals(1, r.size());
        r.closeAll(null);
        assertEquals(List.of("b"), closed);
        assertEquals(0, r.size());
    }

    @Test
    void withoutACauseTheFirstFailureIsThrownAfterEveryResourceWasClosed() {
        GuestResources r = new GuestResources();
        RuntimeException first = new IllegalStateException("x");
        r.register(resource("a", first));
        r.register(resource("b", new IllegalStateException("y")));
        RuntimeException thrown = assertThrows(IllegalStateException.class, () -> r.closeAll(null));
        assertEquals(2, closed.size(), "both were attempted");
        assertEquals(1, thrown.getSuppressed().length);
    }

    @Test
    void withACauseFailuresAreAddedToItAndNothingIsThrown() {
        GuestResources r = new GuestResources();
        r.register(resource("a", new IllegalStateException("x")));
        RuntimeException cause = new RuntimeException("trap");
        r.closeAll(cause);
        assertEquals(1, cause.getSuppressed().length);
        assertSame(IllegalStateException.class, cause.getSuppressed()[0].getClass());
        assertTrue(closed.contains("a"));
    }
}
