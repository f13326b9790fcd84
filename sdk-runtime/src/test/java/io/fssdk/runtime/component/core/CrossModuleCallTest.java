package io.fssdk.runtime.component.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportTable;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import io.fssdk.runtime.component.core.CoreFixtures.Engine;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Regression test for Chicory 1.7.5's nominal {@code call_indirect} check across modules.
 *
 * <p>bug-owner.wasm exports a table and calls through it; bug-filler.wasm fills slots 0 and 1 with its own
 * function and its host import. Both functions have type {@code (param i32) (result i32)}, which the owner
 * numbers 1 and the filler 0. Chicory compares the owner's index 1 with the filler's index 0, then checks
 * the filler's types 0 and 1 for equivalence, and traps with "indirect call type mismatch" though the
 * call is valid. After {@link TypeUnifier} both modules number the type alike and the calls work.
 */
class CrossModuleCallTest {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void chicoryTrapsWithoutUnification(Engine engine) {
        Instance owner = link(engine, CoreFixtures.bytes("bug-owner.wasm"), CoreFixtures.bytes("bug-filler.wasm"));
        ChicoryException e = assertThrows(ChicoryException.class, () -> owner.export("call").apply(0, 21));
        assertTrue(e.getMessage().contains("indirect call type mismatch"), e.getMessage());
        assertThrows(ChicoryException.class, () -> owner.export("call").apply(1, 41));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void unifiedModulesCallAcrossTheTable(Engine engine) {
        List<byte[]> unified = TypeUnifier.unify(
                List.of(CoreFixtures.bytes("bug-owner.wasm"), CoreFixtures.bytes("bug-filler.wasm")));
        Instance owner = link(engine, unified.get(0), unified.get(1));
        assertEquals(42, owner.export("call").apply(0, 21)[0], "the filler's own function");
        assertEquals(42, owner.export("call").apply(1, 41)[0], "the filler's host import");
        assertEquals(7, owner.export("call_unit").apply(2)[0], "the owner's own function");
        ChicoryException e = assertThrows(ChicoryException.class, () -> owner.export("call_unit").apply(0));
        assertTrue(e.getMessage().contains("indirect call type mismatch"), "a real mismatch still traps");
    }

    /** Instantiates the owner, then the filler against its table; returns the owner. */
    private static Instance link(Engine engine, byte[] ownerBytes, byte[] fillerBytes) {
        Instance owner = engine.instantiate(Parser.parse(ownerBytes), ImportValues.empty());
        FunctionType unary = FunctionType.of(List.of(ValType.I32), List.of(ValType.I32));
        ImportValues imports = ImportValues.builder()
                .addFunction(new HostFunction("host", "inc", unary, (inst, args) -> new long[] {args[0] + 1}))
                .addTable(new ImportTable("owner", "table", owner.exports().table("table")))
                .build();
        engine.instantiate(Parser.parse(fillerBytes), imports);
        return owner;
    }
}
