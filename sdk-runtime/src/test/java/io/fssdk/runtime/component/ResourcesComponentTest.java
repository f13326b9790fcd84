package io.fssdk.runtime.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Resources in both directions (resources.wat): the guest-defined {@code counter} of the exported instance
 * {@code test:guest/counters}, and the host-defined {@code thing} of {@code test:host/res}, with own and
 * borrow semantics, destructors, and the host-side misuse of handles.
 */
class ResourcesComponentTest {
    private static final String RES = "test:host/res";
    private static final String COUNTERS = "test:guest/counters#";
    private static final String CTOR = COUNTERS + "[constructor]counter";
    private static final String INC = COUNTERS + "[method]counter.inc";
    private static final String VALUE = COUNTERS + "[method]counter.value";

    /** The host's representation of a {@code thing}; compared by identity. */
    private static final class Thing {
        final int v;

        Thing(int v) {
            this.v = v;
        }

        @Override
        public String toString() {
            return "thing " + v;
        }
    }

    /** What the host saw, in order: "new 7", "get 7", "drop 7". */
    private final List<String> events = new ArrayList<>();
    private final List<Thing> made = new ArrayList<>();
    private final ResourceType thing = ResourceType.host("thing", RES, rep -> events.add("drop " + ((Thing) rep).v));
    private final ComponentInstance instance = linker().instantiate(TestComponents.load("resources.wasm"));

    private Linker linker() {
        return Linker.builder()
                .resource(RES, thing)
                .function(RES, "[constructor]thing", a -> {
                    Thing t = new Thing(((WitValue.U32) a.get(0)).value());
                    made.add(t);
                    events.add("new " + t.v);
                    return Optional.of(WitValue.own(ResourceHandle.own(thing, t)));
                })
                .function(RES, "[method]thing.get", a -> {
                    ResourceHandle self = ((WitValue.Borrow) a.get(0)).handle();
                    assertFalse(self.isOwned(), "a method receives a borrowed view");
                    Thing t = self.rep(Thing.class);
                    events.add("get " + t.v);
                    return Optional.of(WitValue.u32(t.v * 10));
                })
                .build();
    }

    private static WitValue u32(int v) {
        return WitValue.u32(v);
    }

    private int u32(String export, WitValue... args) {
        return ((WitValue.U32) instance.call(export, args).orElseThrow()).value();
    }

    private ResourceHandle counter(int start) {
        WitValue v = instance.call(CTOR, u32(start)).orElseThrow();
        ResourceHandle h = assertInstanceOf(WitValue.Own.class, v).handle();
        assertFalse(h.type().isHostDefined());
        assertTrue(h.isOwned() && h.isLive());
        return h;
    }

    private ResourceHandle hostThing(int v) {
        Thing t = new Thing(v);
        made.add(t);
        return ResourceHandle.own(thing, t);
    }

    @Test
    void aGuestResourceIsConstructedUsedAndBorrowedByTheHost() {
        ResourceHandle c = counter(5);
        instance.call(INC, WitValue.borrow(c));
        instance.call(INC, WitValue.borrow(c));
        assertEquals(7, u32(VALUE, WitValue.borrow(c)));
        assertEquals(7, u32(COUNTERS + "peek", WitValue.borrow(c)));
        assertEquals(0, u32(COUNTERS + "dropped"));
        assertTrue(c.isLive(), "lending a borrow keeps the host's own handle");
    }

    @Test
    void destructorsRunWhenTheGuestDropsAndWhenTheHostDrops() {
        ResourceHandle c = counter(5);
        ResourceHandle moved = counter(41);
        assertEquals(41, u32(COUNTERS + "consume", WitValue.own(moved)));
        assertFalse(moved.isLive(), "an own handle lowered into the guest is moved");
        assertEquals(1, u32(COUNTERS + "dropped"), "the guest's resource.drop ran the destructor");
        c.drop();
        assertEquals(2, u32(COUNTERS + "dropped"), "the host's drop ran the guest's destructor");
    }

    @Test
    void aHostResourceMadeAndDroppedByTheGuest() {
        assertEquals(70, u32("use-thing", u32(7)));
        assertEquals(List.of("new 7", "get 7", "drop 7"), events);
    }

    @Test
    void aBorrowedHostResourceStaysWithTheHost() {
        ResourceHandle t3 = hostThing(3);
        assertEquals(30, u32("thing-borrowed", WitValue.borrow(t3)));
        assertEquals(List.of("get 3"), events, "ending a borrow does not run the destructor");
        assertTrue(t3.isLive() && t3.isOwned());
        assertEquals(30, u32("thing-borrowed", WitValue.borrow(t3)), "it can be lent again");
        t3.drop();
        assertEquals(List.of("get 3", "get 3", "drop 3"), events);
    }

    @Test
    void anOwnedHostResourceMovesToTheGuestWhichDropsIt() {
        ResourceHandle t3 = hostThing(3);
        assertEquals(30, u32("thing-owned", WitValue.own(t3)));
        assertEquals(List.of("get 3", "drop 3"), events);
        assertFalse(t3.isLive());
    }

    @Test
    void aHostResourceReturnedByTheGuestIsTheHostsOwnObject() {
        WitValue v = instance.call("make-thing", u32(9)).orElseThrow();
        ResourceHandle h = assertInstanceOf(WitValue.Own.class, v).handle();
        assertEquals(List.of("new 9"), events);
        assertSame(thing, h.type());
        assertTrue(h.isOwned() && h.isLive());
        assertSame(made.get(0), h.rep(Thing.class));
        h.drop();
        assertEquals(List.of("new 9", "drop 9"), events);
    }

    @Test
    void keepingABorrowPastTheCallTraps() {
        // spec: Task.return_ does trap_if(self.num_borrows > 0); jco 1.35 does not trap here.
        ResourceHandle t = hostThing(1);
        TrapException e = assertThrows(TrapException.class, () -> instance.call("leak-borrow", WitValue.borrow(t)));
        assertTrue(e.getMessage().contains("leak-borrow"), e.getMessage());
        assertTrue(instance.isPoisoned());
        assertTrue(t.isLive(), "the host still owns what it lent");
        assertEquals(List.of(), events);
        ComponentInstance fresh = linker().instantiate(TestComponents.load("resources.wasm"));
        assertEquals(70, ((WitValue.U32) fresh.call("use-thing", u32(7)).orElseThrow()).value());
    }

    @Test
    void theHostDroppingAGuestHandleWhileTheGuestRunsTraps() {
        // Regression: a host drop of an own handle to a guest-defined resource calls the guest's dtor,
        // which the spec lifts like an export (definitions.py canon_resource_drop: store.lift(dtor, ...)),
        // so Store.lift's trap_if(not inst.may_enter_from(caller)) applies. Dropping from inside an import
        // call while the defining instance runs is reentrance and must trap, not run the dtor reentrantly.
        ResourceHandle[] victim = new ResourceHandle[1];
        List<RuntimeException> refused = new ArrayList<>();
        Linker dropping = Linker.builder()
                .resource(RES, thing)
                .function(RES, "[constructor]thing", a -> {
                    try {
                        victim[0].drop();
                    } catch (RuntimeException e) {
                        refused.add(e);
                    }
                    return Optional.of(WitValue.own(ResourceHandle.own(thing, new Thing(1))));
                })
                .function(RES, "[method]thing.get", a -> Optional.of(u32(0)))
                .build();
        ComponentInstance running = dropping.instantiate(TestComponents.load("resources.wasm"));
        victim[0] = assertInstanceOf(WitValue.Own.class, running.call(CTOR, u32(1)).orElseThrow()).handle();
        running.call("use-thing", u32(7));
        assertEquals(1, refused.size(), "the reentrant drop was refused");
        assertInstanceOf(TrapException.class, refused.get(0));
        assertEquals(0, ((WitValue.U32) running.call(COUNTERS + "dropped").orElseThrow()).value());
    }

    @Test
    void theHostDroppingAGuestHandleOfAPoisonedInstanceDoesNotRunGuestCode() {
        // Regression: after a trap the instance is poisoned and "every later call throws TrapException";
        // the dtor a host drop runs is such a call (definitions.py canon_resource_drop lifts the dtor).
        ResourceHandle c = counter(1);
        assertThrows(TrapException.class, () -> instance.call("leak-borrow", WitValue.borrow(hostThing(1))));
        assertTrue(instance.isPoisoned());
        assertThrows(TrapException.class, c::drop);
    }

    @Test
    void eachInstanceDefinesItsOwnCounterType() {
        ComponentInstance other = linker().instantiate(TestComponents.load("resources.wasm"));
        ResourceHandle mine = counter(1);
        ResourceHandle theirs = assertInstanceOf(WitValue.Own.class, other.call(CTOR, u32(2)).orElseThrow()).handle();
        assertTrue(mine.type() != theirs.type(), "resource types compare by identity, one per instance");
        assertThrows(IllegalArgumentException.class, () -> instance.call(VALUE, WitValue.borrow(theirs)));
        assertEquals(2, ((WitValue.U32) other.call(VALUE, WitValue.borrow(theirs)).orElseThrow()).value());
    }

    /** One misuse of a handle by the host, the exception it must give, and what to call it with. */
    private record Misuse(String name, Class<? extends RuntimeException> expected,
            Function<ResourcesComponentTest, Runnable> action) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> misuses() {
        return Stream.of(
                new Misuse("drop a guest handle twice", IllegalStateException.class, t -> {
                    ResourceHandle c = t.counter(1);
                    c.drop();
                    return c::drop;
                }),
                new Misuse("drop a host handle twice", IllegalStateException.class, t -> {
                    ResourceHandle h = t.hostThing(1);
                    h.drop();
                    return h::drop;
                }),
                new Misuse("lend a dropped guest handle", IllegalStateException.class, t -> {
                    ResourceHandle c = t.counter(1);
                    c.drop();
                    return () -> t.instance.call(VALUE, WitValue.borrow(c));
                }),
                new Misuse("give a dropped guest handle", IllegalStateException.class, t -> {
                    ResourceHandle c = t.counter(1);
                    c.drop();
                    return () -> t.instance.call(COUNTERS + "consume", WitValue.own(c));
                }),
                new Misuse("lend a dropped host handle", IllegalStateException.class, t -> {
                    ResourceHandle h = t.hostThing(1);
                    h.drop();
                    return () -> t.instance.call("thing-borrowed", WitValue.borrow(h));
                }),
                new Misuse("give a host handle after it moved into the guest", IllegalStateException.class, t -> {
                    ResourceHandle h = t.hostThing(1);
                    t.instance.call("thing-owned", WitValue.own(h));
                    return () -> t.instance.call("thing-owned", WitValue.own(h));
                }),
                new Misuse("lend a host handle after it moved into the guest", IllegalStateException.class, t -> {
                    ResourceHandle h = t.hostThing(1);
                    t.instance.call("thing-owned", WitValue.own(h));
                    return () -> t.instance.call("thing-borrowed", WitValue.borrow(h));
                }),
                new Misuse("drop a host handle after it moved into the guest", IllegalStateException.class, t -> {
                    ResourceHandle h = t.hostThing(1);
                    t.instance.call("thing-owned", WitValue.own(h));
                    return h::drop;
                }),
                new Misuse("use a guest handle after it moved into the guest", IllegalStateException.class, t -> {
                    ResourceHandle c = t.counter(1);
                    t.instance.call(COUNTERS + "consume", WitValue.own(c));
                    return () -> t.instance.call(VALUE, WitValue.borrow(c));
                }),
                new Misuse("a thing where a counter is expected", IllegalArgumentException.class,
                        t -> () -> t.instance.call(INC, WitValue.borrow(t.hostThing(1)))),
                new Misuse("a counter where a thing is expected", IllegalArgumentException.class,
                        t -> () -> t.instance.call("thing-owned", WitValue.own(t.counter(1)))),
                new Misuse("another host type of the same name", IllegalArgumentException.class,
                        t -> () -> t.instance.call("thing-borrowed", WitValue.borrow(
                                ResourceHandle.own(ResourceType.host("thing", RES), new Thing(1))))),
                new Misuse("a borrowed view where own is expected", IllegalArgumentException.class,
                        t -> () -> t.instance.call("thing-owned", WitValue.own(
                                ResourceHandle.borrow(t.thing, new Thing(1))))),
                new Misuse("a borrow value where own is expected", IllegalArgumentException.class,
                        t -> () -> t.instance.call(COUNTERS + "consume", WitValue.borrow(t.counter(1)))),
                new Misuse("an own value where borrow is expected", IllegalArgumentException.class,
                        t -> () -> t.instance.call(VALUE, WitValue.own(t.counter(1)))),
                new Misuse("a forged guest representation", IllegalArgumentException.class,
                        t -> () -> t.instance.call(VALUE, WitValue.borrow(ResourceHandle.own(
                                ResourceType.guest("counter", "forged"), 16)))))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misuses")
    void misusingAHandleIsATypedErrorAndTheInstanceStaysUsable(Misuse misuse) {
        Runnable action = misuse.action().apply(this);
        int droppedBefore = u32(COUNTERS + "dropped");
        RuntimeException e = assertThrows(RuntimeException.class, action::run);
        assertInstanceOf(misuse.expected(), e, () -> "got " + e);
        assertFalse(instance.isPoisoned(), "a host-side mistake rejected before the call does not poison");
        assertEquals(droppedBefore, u32(COUNTERS + "dropped"), "no destructor ran twice");
        ResourceHandle c = counter(3);
        instance.call(INC, WitValue.borrow(c));
        assertEquals(4, u32(VALUE, WitValue.borrow(c)));
        assertEquals(70, u32("use-thing", u32(7)));
    }
}
