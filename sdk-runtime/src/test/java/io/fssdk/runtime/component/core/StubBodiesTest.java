package io.fssdk.runtime.component.core;

import static io.fssdk.runtime.component.core.ModuleBytes.CODE;
import static io.fssdk.runtime.component.core.ModuleBytes.EXPORT;
import static io.fssdk.runtime.component.core.ModuleBytes.FUNCTION;
import static io.fssdk.runtime.component.core.ModuleBytes.I32;
import static io.fssdk.runtime.component.core.ModuleBytes.TYPE;
import static io.fssdk.runtime.component.core.ModuleBytes.body;
import static io.fssdk.runtime.component.core.ModuleBytes.bytes;
import static io.fssdk.runtime.component.core.ModuleBytes.concat;
import static io.fssdk.runtime.component.core.ModuleBytes.custom;
import static io.fssdk.runtime.component.core.ModuleBytes.func;
import static io.fssdk.runtime.component.core.ModuleBytes.module;
import static io.fssdk.runtime.component.core.ModuleBytes.params;
import static io.fssdk.runtime.component.core.ModuleBytes.section;
import static io.fssdk.runtime.component.core.ModuleBytes.vec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.OpCode;
import io.fssdk.runtime.component.MalformedException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link StubBodies}: every body becomes {@code unreachable}, everything else stays byte for byte. */
class StubBodiesTest {
    /** Two functions (an add and a multiply), an export, and a custom section after the code. */
    private static final byte[] MODULE = module(
            section(TYPE, vec(func(params(I32, I32), I32))),
            section(FUNCTION, vec(bytes(0), bytes(0))),
            section(EXPORT, vec(concat(bytes(1, 'f', 0, 0)))),
            section(CODE, vec(body(0x20, 0, 0x20, 1, 0x6a, 0x0b), body(0x20, 0, 0x20, 1, 0x6c, 0x0b))),
            custom("later", 1, 2, 3));

    @Test
    void everyBodyIsAStubAndTheOtherSectionsAreUnchanged() {
        byte[] stubbed = StubBodies.of(MODULE, "core module 0");
        WasmModule whole = Parser.parse(MODULE);
        WasmModule m = Parser.parse(stubbed); // a stub is valid for any signature: unreachable is polymorphic
        assertEquals(2, m.codeSection().functionBodyCount());
        for (int i = 0; i < 2; i++) {
            assertEquals(List.of(OpCode.UNREACHABLE, OpCode.END),
                    m.codeSection().getFunctionBody(i).instructions().stream().map(x -> x.opcode()).toList());
        }
        assertEquals(whole.typeSection().getType(0), m.typeSection().getType(0));
        assertEquals(whole.exportSection().getExport(0).name(), m.exportSection().getExport(0).name());
        byte[] tail = custom("later", 1, 2, 3);
        assertArrayEquals(tail, java.util.Arrays.copyOfRange(stubbed, stubbed.length - tail.length, stubbed.length),
                "the sections after the code are copied as they were");
    }

    @Test
    void aStubThatIsRunTraps() {
        Instance i = Instance.builder(Parser.parse(StubBodies.of(MODULE, "core module 0"))).build();
        assertThrows(TrapException.class, () -> i.export("f").apply(1, 2));
    }

    @Test
    void aSectionCutShortIsMalformed() {
        byte[] cut = java.util.Arrays.copyOf(MODULE, MODULE.length - 2);
        MalformedException e = assertThrows(MalformedException.class, () -> StubBodies.of(cut, "core module 4"));
        assertTrue(e.getMessage().contains("core module 4"), e.getMessage());
    }
}
