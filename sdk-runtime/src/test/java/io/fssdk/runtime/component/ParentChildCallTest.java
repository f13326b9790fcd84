package io.fssdk.runtime.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A component and its parent may not call each other; siblings may (parent-child.wat).
 *
 * <p>Regression: the engine let a parent's core code call its child's export, and a child call a function
 * its parent lifted, where the spec traps (component-model {@code test/async/trap-on-reenter.wast}).
 */
class ParentChildCallTest {
    private static ComponentInstance instance() {
        return Linker.builder().build().instantiate(TestComponents.load("parent-child.wasm"));
    }

    @Test
    void aParentMayNotCallItsChild() {
        TrapException e = assertThrows(TrapException.class, () -> instance().call("parent-to-child"));
        assertTrue(e.getMessage().contains("cannot enter component instance"), e.getMessage());
    }

    @Test
    void aChildMayNotCallItsParent() {
        TrapException e = assertThrows(TrapException.class, () -> instance().call("child-to-parent"));
        assertTrue(e.getMessage().contains("cannot enter component instance"), e.getMessage());
    }

    @Test
    void siblingsMayCallEachOther() {
        assertEquals(WitValue.u32(7), instance().call("sibling").orElseThrow());
    }
}
