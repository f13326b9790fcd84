package io.fssdk.runtime.component.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.types.OpCode;
import io.fssdk.runtime.compiler.CompilerOptions;
import io.fssdk.runtime.component.ComponentOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A module whose compiled code is in the code cache loads without decoding or validating its function bodies
 * ({@link CoreCodegen#precompiled}), and cached code that does not fit the module is refused: the module is
 * then parsed whole and validated, and compiled again.
 */
class PrecompiledLoadTest {
    /** {@code (func (export "f") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)}. */
    private static final byte[] ADD = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x07, 0x01, 0x60, 0x02, 0x7f, 0x7f, 0x01, 0x7f,
        0x03, 0x02, 0x01, 0x00,
        0x07, 0x05, 0x01, 0x01, 0x66, 0x00, 0x00,
        0x0a, 0x09, 0x01, 0x07, 0x00, 0x20, 0x00, 0x20, 0x01, 0x6a, 0x0b};
    /** Two functions: 0 multiplies its parameters, 1 (exported as "f") calls 0 with its own. */
    private static final byte[] MUL_VIA_CALL = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x07, 0x01, 0x60, 0x02, 0x7f, 0x7f, 0x01, 0x7f,
        0x03, 0x03, 0x02, 0x00, 0x00,
        0x07, 0x05, 0x01, 0x01, 0x66, 0x00, 0x01,
        0x0a, 0x12, 0x02, 0x07, 0x00, 0x20, 0x00, 0x20, 0x01, 0x6c, 0x0b,
        0x08, 0x00, 0x20, 0x00, 0x20, 0x01, 0x10, 0x00, 0x0b};

    @TempDir
    Path dir;

    /** Parses as the linker does, but looks in the cache for modules of any size. */
    private CompiledModule parse(byte[] bytes, CodeCache cache) {
        return CompiledModule.parse(bytes, 0, CODEGEN, cache, "test", 0, 0);
    }

    private static final CoreCodegen CODEGEN = CoreCodegens.of(ComponentOptions.builder().build());

    private static long call(CompiledModule m, int a, int b) {
        Instance i = m.instantiate(ImportValues.builder().build(), 16);
        return i.export("f").apply(a, b)[0];
    }

    private static List<OpCode> opcodes(CompiledModule m, int body) {
        return m.module().codeSection().getFunctionBody(body).instructions().stream().map(x -> x.opcode()).toList();
    }

    @Test
    void aModuleInTheCacheIsParsedWithStubBodiesAndRunsItsCachedCode() {
        CodeCache cache = new CodeCache(dir);
        CompiledModule cold = parse(ADD, cache);
        assertEquals(List.of(OpCode.LOCAL_GET, OpCode.LOCAL_GET, OpCode.I32_ADD, OpCode.END), opcodes(cold, 0));
        assertEquals(7, call(cold, 3, 4)); // compiles it, and writes the cache

        CompiledModule warm = parse(ADD, cache);
        assertEquals(List.of(OpCode.UNREACHABLE, OpCode.END), opcodes(warm, 0), "bodies are not decoded");
        assertEquals(7, call(warm, 3, 4));
        assertEquals(-2, call(warm, Integer.MAX_VALUE, Integer.MAX_VALUE));
    }

    @Test
    void aSmallModuleIsParsedWholeEvenWithItsCodeCached() {
        CodeCache cache = new CodeCache(dir);
        assertEquals(3, call(parse(ADD, cache), 1, 2));
        CompiledModule small = CompiledModule.parse(ADD, 0, CODEGEN, cache, "test", 0);
        assertEquals(List.of(OpCode.LOCAL_GET, OpCode.LOCAL_GET, OpCode.I32_ADD, OpCode.END), opcodes(small, 0),
                "under " + CompiledModule.PRECOMPILED_MIN_BYTES + " bytes a module's bodies are decoded");
        assertEquals(3, call(small, 1, 2));
    }

    @Test
    void cachedCodeOfAnotherModuleIsRefusedAndTheModuleIsValidatedAndCompiledAgain() {
        CodeCache cache = new CodeCache(dir);
        assertEquals(9, call(parse(ADD, cache), 4, 5));
        String addKey = CoreCodegens.ourKey(CodeCache.digest(ADD), CompilerOptions.DEFAULTS);
        String mulKey = CoreCodegens.ourKey(CodeCache.digest(MUL_VIA_CALL), CompilerOptions.DEFAULTS);
        assertNull(cache.get(mulKey));
        // ADD's code filed under MUL_VIA_CALL's key: a whole entry with a good checksum that decodes, and whose
        // functions all compiled, so the module is first parsed with stubs; loading must then refuse it.
        cache.put(mulKey, cache.get(addKey));

        CompiledModule m = parse(MUL_VIA_CALL, cache);
        assertEquals(List.of(OpCode.UNREACHABLE, OpCode.END), opcodes(m, 1));
        assertEquals(20, call(m, 4, 5));
        assertEquals(List.of(OpCode.LOCAL_GET, OpCode.LOCAL_GET, OpCode.CALL, OpCode.END), opcodes(m, 1),
                "parsed again, whole");
        byte[] rewritten = cache.get(mulKey);
        assertNotNull(rewritten);
        // Compiling again replaced the foreign entry with the module's own code, so the next load is warm again.
        CompiledModule next = parse(MUL_VIA_CALL, cache);
        assertEquals(List.of(OpCode.UNREACHABLE, OpCode.END), opcodes(next, 1));
        assertEquals(42, call(next, 6, 7));
        assertArrayEquals(rewritten, cache.get(mulKey));
    }
}
