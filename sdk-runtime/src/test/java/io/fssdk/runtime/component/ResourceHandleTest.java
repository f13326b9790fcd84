package io.fssdk.runtime.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceHandleTest {
    @Test
    void dropRunsTheDestructorExactlyOnce() {
        List<Object> destroyed = new ArrayList<>();
        ResourceType store = ResourceType.host("store", "kv", destroyed::add);
        ResourceHandle h = ResourceHandle.own(store, "db");
        assertEquals("db", h.rep(String.class));
        h.drop();
        assertFalse(h.isLive());
        assertEquals(List.of("db"), destroyed);
        assertThrows(IllegalStateException.class, h::drop);
        assertThrows(IllegalStateException.class, h::rep);
        assertEquals("own<store> (dead)", h.toString());
    }

    @Test
    void releaseGivesUpOwnershipWithoutTheDestructor() {
        List<Object> destroyed = new ArrayList<>();
        ResourceHandle h = ResourceHandle.own(ResourceType.host("store", "kv", destroyed::add), "db");
        assertEquals("db", h.release());
        assertThrows(IllegalStateException.class, h::release);
        assertEquals(List.of(), destroyed);
    }

    @Test
    void borrowedViewsCannotBeDroppedOrReleased() {
        ResourceHandle b = ResourceHandle.borrow(ResourceType.host("store", "kv"), "db");
        assertThrows(IllegalStateException.class, b::drop);
        assertThrows(IllegalStateException.class, b::release);
        assertEquals("db", b.rep());
    }

    @Test
    void guestRepresentationsAreOpaqueIntegers() {
        List<Integer> dtor = new ArrayList<>();
        ResourceType counter = ResourceType.guest("counter", "instance 1", dtor::add);
        assertThrows(IllegalArgumentException.class, () -> ResourceHandle.own(counter, "not an int"));
        ResourceHandle h = ResourceHandle.own(counter, 42);
        assertThrows(IllegalStateException.class, () -> h.rep(Integer.class));
        h.drop();
        assertEquals(List.of(42), dtor);
        assertFalse(counter.isHostDefined());
    }
}
