package io.fssdk.runtime.compiler;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.GlobalInstance;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportGlobal;
import com.dylibso.chicory.runtime.ImportMemory;
import com.dylibso.chicory.runtime.ImportTable;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.TableInstance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.GlobalImport;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.MemoryImport;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.MutabilityType;
import com.dylibso.chicory.wasm.types.Table;
import com.dylibso.chicory.wasm.types.TableImport;
import com.dylibso.chicory.wasm.types.TableLimits;
import com.dylibso.chicory.wasm.types.ValType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one wast2json command script on one engine: modules, registrations, actions and the assertions that
 * execute code (assert_return, assert_trap, assert_exhaustion). Assertions about parsing and validation are
 * Chicory's business and counted as skipped, and so are those with a {@code v128} on Chicory's engines, which
 * run no vector code. A {@code v128} goes in and out as two longs, low half first, as Chicory's value arrays
 * carry it; expected NaN lanes match any NaN.
 */
final class SpecScript {
    /** The engines compared. */
    enum Engine {
        INTERPRETER, CHICORY_COMPILER, OURS
    }

    /** Outcome counts of a script, with a few failure messages. */
    static final class Result {
        int passed;
        int failed;
        int skipped;
        final List<String> failures = new ArrayList<>();
        final List<Integer> passedLines = new ArrayList<>();
        final List<Integer> failedLines = new ArrayList<>();
    }

    private final Engine engine;
    private final Map<String, byte[]> files;
    private final Map<String, Instance> registered = new HashMap<>();
    private final Map<String, Instance> named = new HashMap<>();
    private Instance current;
    private final GlobalInstance gI32 = global(ValType.I32, 666);
    private final GlobalInstance gI64 = global(ValType.I64, 666);
    private final GlobalInstance gF32 = global(ValType.F32, Float.floatToRawIntBits(666.6f));
    private final GlobalInstance gF64 = global(ValType.F64, Double.doubleToRawLongBits(666.6));
    private final TableInstance spectestTable = new TableInstance(new Table(ValType.FuncRef, new TableLimits(10, 20)),
            -1);
    private final Memory spectestMemory;

    /** Options for {@link Engine#OURS}. */
    private CompilerOptions options = CompilerOptions.DEFAULTS;

    /** Compiles with {@code o} (our compiler only). */
    SpecScript withOptions(CompilerOptions o) {
        this.options = o;
        return this;
    }

    SpecScript(Engine engine, Map<String, byte[]> files) {
        this.engine = engine;
        this.files = files;
        MemoryLimits limits = new MemoryLimits(1, 2);
        this.spectestMemory = engine == Engine.OURS ? new FlatMemory(limits) : new ByteArrayMemory(limits);
    }

    private static GlobalInstance global(ValType t, long v) {
        return new GlobalInstance(v, 0, t, MutabilityType.Const);
    }

    Result run(JsonNode script) {
        Result r = new Result();
        for (JsonNode c : script.get("commands")) {
            String type = c.get("type").asText();
            int line = c.get("line").asInt();
            try {
                switch (type) {
                    case "module":
                        current = instantiate(c.get("filename").asText());
                        if (c.has("name")) {
                            named.put(c.get("name").asText(), current);
                        }
                        break;
                    case "register":
                        registered.put(c.get("as").asText(),
                                c.has("name") ? named.get(c.get("name").asText()) : current);
                        break;
                    case "action":
                        act(c.get("action"));
                        break;
                    case "assert_return": {
                        if (hasV128(c) && engine != Engine.OURS) {
                            r.skipped++;
                            continue;
                        }
                        long[] got = act(c.get("action"));
                        String err = compare(c.get("expected"), got);
                        if (err == null) {
                            r.passed++;
                            r.passedLines.add(line);
                        } else {
                            fail(r, line, err);
                        }
                        continue;
                    }
                    case "assert_trap":
                    case "assert_exhaustion": {
                        if (hasV128(c) && engine != Engine.OURS) {
                            r.skipped++;
                            continue;
                        }
                        try {
                            act(c.get("action"));
                            fail(r, line, type + " did not trap");
                        } catch (RuntimeException | StackOverflowError e) {
                            r.passed++;
                            r.passedLines.add(line);
                        }
                        continue;
                    }
                    default:
                        r.skipped++;
                        continue;
                }
            } catch (RuntimeException | StackOverflowError e) {
                fail(r, line, type + ": " + e);
            }
        }
        return r;
    }

    private static boolean hasV128(JsonNode c) {
        return c.toString().contains("\"v128\"");
    }

    private static void fail(Result r, int line, String msg) {
        r.failed++;
        r.failedLines.add(line);
        if (r.failures.size() < 5) {
            r.failures.add("line " + line + ": " + msg);
        }
    }

    private Instance instantiate(String file) {
        WasmModule m = Parser.parse(files.get(file));
        Instance.Builder b = Instance.builder(m).withImportValues(imports(m));
        switch (engine) {
            case OURS: {
                CompiledWasm cw = WasmCompiler.compile(m, options);
                b.withMachineFactory(cw.machineFactory()).withMemoryFactory(cw.memoryFactory());
                break;
            }
            case CHICORY_COMPILER:
                b.withMachineFactory(MachineFactoryCompiler.compile(m)).withMemoryFactory(ByteArrayMemory::new);
                break;
            default:
                b.withMemoryFactory(ByteArrayMemory::new);
                break;
        }
        return b.build();
    }

    private ImportValues imports(WasmModule m) {
        ImportValues.Builder b = ImportValues.builder();
        for (int i = 0; i < m.importSection().importCount(); i++) {
            Import imp = m.importSection().getImport(i);
            String mod = imp.module();
            String name = imp.name();
            Instance from = registered.get(mod);
            if (imp instanceof FunctionImport f) {
                var type = m.typeSection().getType(f.typeIndex());
                if (from == null) {
                    b.addFunction(new ImportFunction(mod, name, type, (inst, args) -> null));
                } else {
                    var export = from.export(name);
                    b.addFunction(new ImportFunction(mod, name, type, (inst, args) -> export.apply(args)));
                }
            } else if (imp instanceof GlobalImport) {
                GlobalInstance g = from != null ? from.exports().global(name) : switch (name) {
                    case "global_i32" -> gI32;
                    case "global_i64" -> gI64;
                    case "global_f32" -> gF32;
                    default -> gF64;
                };
                b.addGlobal(new ImportGlobal(mod, name, g));
            } else if (imp instanceof MemoryImport) {
                b.addMemory(new ImportMemory(mod, name, from != null ? from.exports().memory(name) : spectestMemory));
            } else if (imp instanceof TableImport) {
                b.addTable(new ImportTable(mod, name, from != null ? from.exports().table(name) : spectestTable));
            }
        }
        return b.build();
    }

    private long[] act(JsonNode action) {
        Instance inst = action.has("module") ? named.get(action.get("module").asText()) : current;
        String field = action.get("field").asText();
        if (action.get("type").asText().equals("get")) {
            GlobalInstance g = inst.exports().global(field);
            return g.getType().equals(ValType.V128) ? new long[] {g.getValueLow(), g.getValueHigh()}
                    : new long[] {g.getValue()};
        }
        List<Long> values = new ArrayList<>();
        for (JsonNode arg : action.get("args")) {
            if (arg.get("type").asText().equals("v128")) {
                long[] v = vector(arg);
                values.add(v[0]);
                values.add(v[1]);
            } else {
                values.add(parse(arg));
            }
        }
        return inst.export(field).apply(values.stream().mapToLong(Long::longValue).toArray());
    }

    /** A v128 argument or expected value: its lanes (unsigned decimal) packed little-endian into two longs. */
    private static long[] vector(JsonNode v) {
        int bits = laneBits(v.get("lane_type").asText());
        long[] halves = new long[2];
        JsonNode lanes = v.get("value");
        int perHalf = 64 / bits;
        for (int i = 0; i < lanes.size(); i++) {
            String s = lanes.get(i).asText();
            long lane = s.startsWith("nan:") ? 0 : Long.parseUnsignedLong(s);
            long mask = bits == 64 ? -1L : (1L << bits) - 1;
            halves[i / perHalf] |= (lane & mask) << (bits * (i % perHalf));
        }
        return halves;
    }

    private static int laneBits(String laneType) {
        return Integer.parseInt(laneType.substring(1));
    }

    /** Null when the two halves {@code lo}, {@code hi} hold the expected vector, NaN lanes as any NaN. */
    private static String compareVector(JsonNode e, long lo, long hi) {
        String laneType = e.get("lane_type").asText();
        int bits = laneBits(laneType);
        int perHalf = 64 / bits;
        long[] want = vector(e);
        JsonNode lanes = e.get("value");
        for (int i = 0; i < lanes.size(); i++) {
            long half = i < perHalf ? lo : hi;
            long wantHalf = want[i / perHalf];
            int shift = bits * (i % perHalf);
            long mask = bits == 64 ? -1L : (1L << bits) - 1;
            long got = (half >>> shift) & mask;
            boolean ok;
            if (lanes.get(i).asText().startsWith("nan:")) {
                ok = laneType.equals("f32") ? Float.isNaN(Float.intBitsToFloat((int) got))
                        : Double.isNaN(Double.longBitsToDouble(got));
            } else {
                ok = got == ((wantHalf >>> shift) & mask);
            }
            if (!ok) {
                return "lane " + i + " (" + laneType + "): expected " + lanes.get(i).asText() + ", got "
                        + Long.toUnsignedString(got);
            }
        }
        return null;
    }

    private static long parse(JsonNode v) {
        String type = v.get("type").asText();
        String s = v.get("value").asText();
        if (s.equals("null")) {
            return -1;
        }
        switch (type) {
            case "i32":
            case "f32":
                return int32(s);
            case "i64":
            case "f64":
                return int64(s);
            default:
                return Long.parseLong(s); // a reference: the host's number for it
        }
    }

    /** A 32-bit value written unsigned (wast2json) or signed (wasm-tools' json-from-wast). */
    private static int int32(String s) {
        return s.startsWith("-") ? Integer.parseInt(s) : Integer.parseUnsignedInt(s);
    }

    private static long int64(String s) {
        return s.startsWith("-") ? Long.parseLong(s) : Long.parseUnsignedLong(s);
    }

    /** Null when {@code got} matches the expected values, else why not. */
    private static String compare(JsonNode expected, long[] got) {
        int n = 0;
        for (JsonNode e : expected) {
            n += e.get("type").asText().equals("v128") ? 2 : 1;
        }
        if (n == 0) {
            return got == null || got.length == 0 ? null : "expected no result";
        }
        if (got == null || got.length < n) {
            return "expected " + n + " results, got " + (got == null ? 0 : got.length);
        }
        int at = 0;
        for (int i = 0; i < expected.size(); i++) {
            JsonNode e = expected.get(i);
            String type = e.get("type").asText();
            if (type.equals("v128")) {
                String err = compareVector(e, got[at], got[at + 1]);
                if (err != null) {
                    return "result " + i + ": " + err;
                }
                at += 2;
                continue;
            }
            String s = e.has("value") ? e.get("value").asText() : null;
            long g = got[at++];
            boolean ok;
            if (s == null) {
                // json-from-wast's (ref.null) pattern, any null, is a type with no value: refnull, nullref, ...
                ok = type.startsWith("null") || type.equals("refnull") ? g == -1 : g != -1;
            } else if (s.startsWith("nan:")) {
                ok = type.equals("f32") ? Float.isNaN(Float.intBitsToFloat((int) g))
                        : Double.isNaN(Double.longBitsToDouble(g));
            } else if (type.equals("i32") || type.equals("f32")) {
                ok = (int) g == int32(s);
            } else if (s.equals("null")) {
                ok = g == -1;
            } else if (type.equals("i64") || type.equals("f64")) {
                ok = g == int64(s);
            } else {
                ok = g == Long.parseLong(s); // a reference the host passed in, as it comes back
            }
            if (!ok) {
                return "result " + i + ": expected " + type + " " + s + ", got " + g;
            }
        }
        return null;
    }
}
