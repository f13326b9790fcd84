package io.fssdk.runtime.component.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.ChicoryException;
import io.fssdk.runtime.component.InvalidException;
import io.fssdk.runtime.component.TrapException;
import io.fssdk.runtime.component.binary.Sort;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How guest failures become traps, and how a bad index becomes an invalid-component error. */
class TrapsTest {
    @Test
    void guestFaultsBecomeTrapsNamingTheFunction() {
        TrapException chicory = Traps.of("fs-process", new ChicoryException("Out Of Bounds"));
        assertEquals("fs-process", chicory.function());
        assertTrue(chicory.reason().contains("out of bounds"), chicory.reason());

        assertTrue(Traps.of("f", new StackOverflowError()).reason().contains("call stack exhausted"));
        assertTrue(Traps.of("f", new ArithmeticException("/ by zero")).reason().contains("/ by zero"));
        assertTrue(Traps.of("f", new ArrayIndexOutOfBoundsException(7)).reason().contains("7"));
    }

    @Test
    void hostFailuresAreNotTrapsAndPropagateAsThey() {
        assertNull(Traps.of("f", new IllegalStateException("host bug")));
        assertNull(Traps.of("f", new OutOfMemoryError()));
    }

    @Test
    void anExistingTrapKeepsItsReason() {
        TrapException t = new TrapException("inner", "unreachable");
        TrapException named = Traps.of("outer", t);
        assertTrue(named.reason().contains("unreachable"), named.reason());
    }

    @Test
    void anIndexOutOfItsSpaceIsInvalidAndSaysWhich() {
        List<String> two = List.of("a", "b");
        assertSame(two.get(1), Scope.at(two, 1, Sort.FUNC));
        InvalidException e = assertThrows(InvalidException.class, () -> Scope.at(two, 2, Sort.FUNC));
        assertTrue(e.getMessage().contains("index 2 out of range (2 defined)"), e.getMessage());
        assertThrows(InvalidException.class, () -> Scope.at(two, -1, Sort.FUNC));
    }
}
