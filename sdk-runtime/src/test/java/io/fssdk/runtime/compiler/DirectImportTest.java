package io.fssdk.runtime.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Compiled code calls a host import through {@link DirectImport} when the handle offers it and the signature
 * allows (at most six numbers in, at most one out), through the boxed handle otherwise; both give the
 * interpreter's results, with floats passed as their bits.
 */
class DirectImportTest {
    private static final int I32 = 0x7f;
    private static final int I64 = 0x7e;
    private static final int F32 = 0x7d;
    private static final int F64 = 0x7c;
    private static final FunctionType MIX = FunctionType.of(List.of(ValType.I32, ValType.I64, ValType.F32,
            ValType.F64), List.of(ValType.I64));
    private static final FunctionType SUB = FunctionType.of(List.of(ValType.I32, ValType.I32), List.of(ValType.I32));
    private static final FunctionType SUM7 = FunctionType.of(List.of(ValType.I32, ValType.I32, ValType.I32,
            ValType.I32, ValType.I32, ValType.I32, ValType.I32), List.of(ValType.I32));
    private static final FunctionType TICK = FunctionType.of(List.of(), List.of());

    /** A host function that counts which way it was called. */
    private static final class Counting implements WasmFunctionHandle, DirectImport {
        final java.util.function.ToLongFunction<long[]> body;
        int direct;
        int boxed;

        Counting(java.util.function.ToLongFunction<long[]> body) {
            this.body = body;
        }

        @Override
        public long[] apply(Instance instance, long... args) {
            boxed++;
            return new long[] {body.applyAsLong(args)};
        }

        @Override
        public long callDirect(Instance instance, long a0, long a1, long a2, long a3, long a4, long a5) {
            direct++;
            return body.applyAsLong(new long[] {a0, a1, a2, a3, a4, a5});
        }
    }

    /**
     * Imports h.mix (i32 i64 f32 f64 -> i64), h.sub (i32 i32 -> i32), h.sum7 (7 x i32 -> i32) and h.tick
     * (-> nothing); exports one function per import that passes its parameters on.
     */
    private static byte[] module() {
        WasmBytes types = new WasmBytes().u(4);
        types.bytes(0x60).u(4).bytes(I32, I64, F32, F64).u(1).bytes(I64);
        types.bytes(0x60).u(2).bytes(I32, I32).u(1).bytes(I32);
        types.bytes(0x60).u(7).bytes(I32, I32, I32, I32, I32, I32, I32).u(1).bytes(I32);
        types.bytes(0x60).u(0).u(0);
        String[] names = {"mix", "sub", "sum7", "tick"};
        int[] arity = {4, 2, 7, 0};
        WasmBytes imports = new WasmBytes().u(4);
        WasmBytes functions = new WasmBytes().u(4);
        WasmBytes exports = new WasmBytes().u(4);
        WasmBytes code = new WasmBytes().u(4);
        for (int i = 0; i < 4; i++) {
            imports.name("h").name(names[i]).bytes(0x00).u(i);
            functions.u(i);
            exports.name(names[i]).bytes(0x00).u(4 + i);
            WasmBytes body = new WasmBytes().u(0);
            for (int p = 0; p < arity[i]; p++) {
                body.bytes(0x20).u(p); // local.get p
            }
            body.bytes(0x10).u(i).bytes(0x0b); // call i; end
            code.u(body.size()).append(body);
        }
        return WasmBytes.header().section(1, types).section(2, imports).section(3, functions).section(7, exports)
                .section(10, code).toByteArray();
    }

    private final Counting mix = new Counting(a -> (int) a[0] + a[1] + (long) (Float.intBitsToFloat((int) a[2]) * 2)
            + (long) (Double.longBitsToDouble(a[3]) * 4));
    private final WasmFunctionHandle sub = (instance, args) -> new long[] {(int) args[0] - (int) args[1]};
    private final Counting sum7 = new Counting(a -> a[0] + a[1] + a[2] + a[3] + a[4] + a[5] + a[6]);
    private final Counting tick = new Counting(a -> 0);

    private Instance instance(boolean compiled) {
        return instance(compiled, mix);
    }

    /** An instance of {@link #module()} with {@code mixHandle} as h.mix, on our compiler or the interpreter. */
    private Instance instance(boolean compiled, WasmFunctionHandle mixHandle) {
        WasmModule module = Parser.parse(module());
        ImportValues imports = ImportValues.builder()
                .addFunction(new ImportFunction("h", "mix", MIX, mixHandle))
                .addFunction(new ImportFunction("h", "sub", SUB, sub))
                .addFunction(new ImportFunction("h", "sum7", SUM7, sum7))
                .addFunction(new ImportFunction("h", "tick", TICK, tick))
                .build();
        Instance.Builder b = Instance.builder(module).withImportValues(imports);
        if (compiled) {
            CompiledWasm code = WasmCompiler.compile(module, CompilerOptions.DEFAULTS);
            b.withMachineFactory(code.machineFactory()).withMemoryFactory(code.memoryFactory());
        }
        return b.build();
    }

    private static long[] mixArgs() {
        return new long[] {-5, 10_000_000_000L, Float.floatToRawIntBits(2.5f), Double.doubleToRawLongBits(-1.25)};
    }

    @Test
    void compiledCodeCallsADirectImportWithoutBoxing() {
        Instance i = instance(true);
        assertArrayEquals(new long[] {10_000_000_000L - 5 + 5 - 5}, i.export("mix").apply(mixArgs()));
        i.export("tick").apply();
        i.export("tick").apply();
        assertEquals(1, mix.direct);
        assertEquals(0, mix.boxed);
        assertEquals(2, tick.direct);
        assertEquals(0, tick.boxed);
    }

    @Test
    void aPlainHandleOrTooManyParametersTakeTheBoxedWay() {
        Instance i = instance(true);
        assertArrayEquals(new long[] {-4}, i.export("sub").apply(3, 7));
        assertArrayEquals(new long[] {28}, i.export("sum7").apply(1, 2, 3, 4, 5, 6, 7));
        assertEquals(0, sum7.direct, "seven parameters are more than a direct call passes");
        assertEquals(1, sum7.boxed);
    }

    @Test
    void theInterpreterGivesTheSameResultsThroughTheBoxedHandles() {
        Instance compiled = instance(true);
        Instance interpreted = instance(false);
        assertArrayEquals(interpreted.export("mix").apply(mixArgs()), compiled.export("mix").apply(mixArgs()));
        assertArrayEquals(interpreted.export("sub").apply(-8, 9), compiled.export("sub").apply(-8, 9));
        assertEquals(1, mix.boxed, "the interpreter's call");
        assertEquals(1, mix.direct, "the compiled code's call");
    }

    @Test
    void aHostFailureReachesTheCallerUnchanged() {
        IllegalStateException boom = new IllegalStateException("host failed");
        Counting failing = new Counting(a -> {
            throw boom;
        });
        Instance i = instance(true, failing);
        assertSame(boom, assertThrows(IllegalStateException.class, () -> i.export("mix").apply(mixArgs())));
    }
}
