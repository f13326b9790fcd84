package io.fssdk.runtime.component.core;

import static io.fssdk.runtime.component.core.ModuleBytes.CODE;
import static io.fssdk.runtime.component.core.ModuleBytes.FUNCTION;
import static io.fssdk.runtime.component.core.ModuleBytes.I32;
import static io.fssdk.runtime.component.core.ModuleBytes.TYPE;
import static io.fssdk.runtime.component.core.ModuleBytes.func;
import static io.fssdk.runtime.component.core.ModuleBytes.module;
import static io.fssdk.runtime.component.core.ModuleBytes.params;
import static io.fssdk.runtime.component.core.ModuleBytes.section;
import static io.fssdk.runtime.component.core.ModuleBytes.u32;
import static io.fssdk.runtime.component.core.ModuleBytes.vec;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fssdk.runtime.testing.ComponentFiles;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Unification runs once per component load, so it must stay linear in the module's size: a 12 MB module
 * (the size of a StarlingMonkey guest) takes well under a second on a quiet machine. This is not a
 * performance measurement (those live in JMH): the bound is a guard against an accidental quadratic pass,
 * which would take minutes, and is loose enough for a heavily loaded machine (the best of 6 runs once took
 * 2.3 s at a load average of 27 on 2 cores).
 */
class UnifySpeedTest {
    private static final long BUDGET_MILLIS = 20_000;

    @Test
    void componentizeQjsFixture() {
        Path qjs = CoreFixtures.components().stream().filter(p -> p.endsWith("qjs.wasm")).findFirst().orElseThrow();
        List<byte[]> modules = CoreFixtures.coreModules(ComponentFiles.read(qjs));
        assertFast(modules);
    }

    @Test
    void twelveMegabyteModule() {
        byte[] big = bigModule(110_000);
        assertTrue(big.length > 12_000_000, "size " + big.length);
        // A first module with the types the other way round, so that every body is decoded.
        byte[] reversed = module(section(TYPE, vec(func(params(I32), I32), func(params(), I32))));
        List<byte[]> modules = List.of(reversed, big);
        assertNotSame(big, TypeUnifier.unify(modules).get(1));
        assertFast(modules);
    }

    private static void assertFast(List<byte[]> modules) {
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 6; run++) {
            long start = System.nanoTime();
            TypeUnifier.unify(modules);
            best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
        }
        assertTrue(best < BUDGET_MILLIS, "best of 6 runs took " + best + " ms");
    }

    /**
     * A module of {@code functions} bodies of about 120 bytes, each with calls through a table and
     * block types that are type indices.
     */
    private static byte[] bigModule(int functions) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(0x00);
        for (int i = 0; i < 12; i++) {
            // block (type 0) i32.const 1 call_indirect (type 1) 0 end drop
            body.writeBytes(new byte[] {0x02, 0x00, 0x41, 0x01, 0x11, 0x01, 0x00, 0x0b, 0x1a});
        }
        body.writeBytes(new byte[] {0x41, 0x2a, 0x0b});
        byte[] oneBody = ModuleBytes.concat(u32(body.size()), body.toByteArray());
        ByteArrayOutputStream functionSection = new ByteArrayOutputStream();
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        functionSection.writeBytes(u32(functions));
        code.writeBytes(u32(functions));
        for (int i = 0; i < functions; i++) {
            functionSection.write(0x00);
            code.writeBytes(oneBody);
        }
        return module(section(TYPE, vec(func(params(), I32), func(params(I32), I32))),
                section(FUNCTION, functionSection.toByteArray()),
                section(CODE, code.toByteArray()));
    }
}
