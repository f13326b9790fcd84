package io.fssdk.runtime.component.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.runtime.component.ResourceHandle;
import io.fssdk.runtime.component.ResourceType;
import io.fssdk.runtime.component.TrapException;
import io.fssdk.runtime.component.WitType;
import io.fssdk.runtime.component.WitValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Handle tables: the spec's own/borrow rules, one shared index space per instance, destructors, and every misuse trapping. */
class HandleTableTest {
    private final List<Object> destroyed = new ArrayList<>();
    private final ResourceType store = ResourceType.host("store", "functionstream:core/kv@0.1.0", destroyed::add);
    private final ResourceType iterator = ResourceType.host("iterator", "functionstream:core/kv@0.1.0");
    private final ResourceType guest = ResourceType.guest("counter", "instance 0", destroyed::add);

    @Test
    void allResourceTypesOfAnInstanceShareOneIndexSpace() {
        // Regression: tables were once kept per type, so two types both got handle 1; the spec's
        // multiple-resources.wast expects the second resource to get handle 2.
        ResourceTables tables = new ResourceTables();
        assertEquals(1, tables.table(store).lowerOwn("s"));
        assertEquals(2, tables.table(iterator).lowerOwn("i"));
        assertEquals(3, tables.table(store).lowerOwn("t"));
        assertSame(tables.table(store), tables.table(store));
    }

    @Test
    void freedSlotsAreReusedLastInFirstOut() {
        HandleTable t = new HandleTable(guest);
        assertEquals(List.of(1, 2, 3), List.of(t.resourceNew(10), t.resourceNew(20), t.resourceNew(30)));
        t.resourceDrop(2);
        t.resourceDrop(1);
        assertEquals(1, t.resourceNew(40));
        assertEquals(2, t.resourceNew(50));
        assertEquals(4, t.resourceNew(60));
        assertEquals(4, t.liveCount());
        assertEquals(List.of(20, 10), destroyed);
    }

    @Test
    void resourceRepAndDropRunTheDestructorOnce() {
        HandleTable t = new HandleTable(guest);
        int h = t.resourceNew(77);
        assertEquals(77, t.resourceRep(h));
        t.resourceDrop(h);
        assertEquals(List.of(77), destroyed);
        assertTrap("unknown handle 1", () -> t.resourceDrop(h));
        assertTrap("unknown handle 1", () -> t.resourceRep(h));
        assertEquals(List.of(77), destroyed);
    }

    @Test
    void handleZeroAndUnknownHandlesTrap() {
        HandleTable t = new HandleTable(store);
        assertTrap("handle 0 is never valid", () -> t.resourceDrop(0));
        assertTrap("unknown handle 5", () -> t.liftOwn(5));
        assertTrap("unknown handle 4294967295", () -> t.liftBorrow(-1, new BorrowScope()));
        assertTrap("host-defined", () -> t.resourceRep(t.lowerOwn("s")));
    }

    @Test
    void aHandleUsedAtAnotherResourceTypeTraps() {
        ResourceTables tables = new ResourceTables();
        tables.table(store).lowerOwn("s");
        int it = tables.table(iterator).lowerOwn("i");
        assertTrap("handle 2 is a `iterator`, not a `store`", () -> tables.table(store).resourceDrop(it));
        assertEquals(1, tables.table(iterator).liveCount());
    }

    @Test
    void ownCannotBeDroppedOrTransferredWhileLent() {
        HandleTable t = new HandleTable(store);
        int h = t.lowerOwn("s");
        BorrowScope call = new BorrowScope();
        assertEquals("s", t.borrowRep(h, call));
        assertTrap("while it is lent to 1 call", () -> t.resourceDrop(h));
        assertTrap("while it is lent to 1 call", () -> t.liftOwn(h));
        call.finish();
        t.resourceDrop(h);
        assertEquals(List.of("s"), destroyed);
    }

    @Test
    void borrowHandleOutlivingItsCallTraps() {
        HandleTable t = new HandleTable(store);
        BorrowScope call = new BorrowScope();
        int b = t.lowerBorrow("s", call);
        assertEquals(1, call.outstandingBorrows());
        TrapException e = assertThrows(TrapException.class, call::finish);
        assertTrue(e.reason().contains("1 borrowed handle(s) not dropped"), e.reason());
        assertTrap("is a borrow, not an own handle", () -> t.liftOwn(b));
    }

    @Test
    void droppingABorrowEndsItWithoutTheDestructor() {
        HandleTable t = new HandleTable(store);
        BorrowScope call = new BorrowScope();
        int b = t.lowerBorrow("s", call);
        t.resourceDrop(b);
        assertEquals(0, call.outstandingBorrows());
        call.finish();
        assertEquals(List.of(), destroyed);
        assertThrows(IllegalStateException.class, call::finish);
    }

    @Test
    void liftingOwnTransfersToAFreshHostHandle() {
        HandleTable t = new HandleTable(guest);
        int h = t.resourceNew(5);
        ResourceHandle host = t.liftOwn(h);
        assertTrue(host.isOwned() && host.isLive());
        assertEquals(5, host.rep());
        assertEquals(0, t.liveCount());
        host.drop();
        assertEquals(List.of(5), destroyed);
        assertThrows(IllegalStateException.class, host::drop);
    }

    @Test
    void liftingABorrowReusesOneViewPerHandle() {
        HandleTable t = new HandleTable(store);
        int h = t.lowerOwn("s");
        BorrowScope call = new BorrowScope();
        ResourceHandle first = t.liftBorrow(h, call);
        assertSame(first, t.liftBorrow(h, call));
        assertFalse(first.isOwned());
        assertEquals("s", first.rep(String.class));
        assertThrows(IllegalStateException.class, first::drop);
    }

    @Test
    void loweringOwnMovesTheHostHandleIntoTheGuest() {
        AbiFixture f = new AbiFixture();
        AbiType own = AbiType.of(new WitType.OwnType(store));
        ResourceHandle h = ResourceHandle.own(store, "s");
        long[] flat = new long[1];
        Lowerer.lowerFlat(f.cx, own, WitValue.own(h), new FlatCursor(flat));
        assertEquals(1L, flat[0]);
        assertFalse(h.isLive());
        assertThrows(IllegalStateException.class,
                () -> Lowerer.lowerFlat(f.cx, own, WitValue.own(h), new FlatCursor(new long[1])));
        WitValue.Own back = (WitValue.Own) Lifter.liftFlat(f.cx, own, new FlatCursor(flat));
        assertEquals("s", back.handle().rep());
        assertTrue(back.handle().isLive());
        assertEquals(0, f.tables.table(store).liveCount());
    }

    @Test
    void wrongResourceTypeIsRejectedWhenLowering() {
        AbiFixture f = new AbiFixture();
        AbiType own = AbiType.of(new WitType.OwnType(store));
        ResourceHandle it = ResourceHandle.own(iterator, "i");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Lowerer.lowerFlat(f.cx, own, WitValue.own(it), new FlatCursor(new long[1])));
        assertTrue(e.getMessage().contains("expected own<store>"), e.getMessage());
        assertTrue(it.isLive());
        assertThrows(IllegalArgumentException.class, () -> Lowerer.lowerFlat(f.cx,
                AbiType.of(new WitType.BorrowType(store)), WitValue.borrow(it), new FlatCursor(new long[1])));
    }

    @Test
    void borrowRoundTripThroughMemoryAndScope() {
        AbiFixture f = new AbiFixture();
        AbiType borrow = AbiType.of(new WitType.BorrowType(store));
        ResourceHandle h = ResourceHandle.own(store, "s");
        int ptr = f.place(borrow);
        Lowerer.store(f.cx, borrow, WitValue.borrow(h), ptr);
        assertTrue(h.isLive());
        assertEquals(1, f.scope.outstandingBorrows());
        // During the export call the guest passes the borrow on to an import: a nested call, its own scope.
        AbiContext importCall = new AbiContext("import", f.options, f.tables, new BorrowScope());
        WitValue.Borrow lifted = (WitValue.Borrow) Lifter.load(importCall, borrow, ptr);
        assertEquals("s", lifted.handle().rep());
        int index = f.memory.read32(ptr);
        assertTrap("lent to 1 call", () -> f.tables.table(store).resourceDrop(index));
        importCall.scope().finish();
        f.tables.table(store).resourceDrop(index);
        f.scope.finish();
        assertEquals(List.of(), destroyed);
    }

    @Test
    void borrowIntoTheDefiningInstancePassesTheRep() {
        AbiFixture f = new AbiFixture();
        f.tables.define(guest);
        long[] flat = new long[1];
        Lowerer.lowerFlat(f.cx, AbiType.of(new WitType.BorrowType(guest)),
                WitValue.borrow(ResourceHandle.own(guest, 1234)), new FlatCursor(flat));
        assertEquals(1234L, flat[0]);
        assertEquals(0, f.scope.outstandingBorrows());
        assertEquals(0, f.tables.table(guest).liveCount());
    }

    private static void assertTrap(String reason, Runnable r) {
        TrapException e = assertThrows(TrapException.class, r::run);
        assertTrue(e.reason().contains(reason), e.reason());
    }
}
