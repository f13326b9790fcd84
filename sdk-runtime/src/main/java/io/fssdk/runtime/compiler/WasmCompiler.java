package io.fssdk.runtime.compiler;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.AnnotatedInstruction;
import com.dylibso.chicory.wasm.types.FunctionBody;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.objectweb.asm.MethodTooLargeException;

/**
 * Our wasm-to-JVM compiler: translates every function of a parsed core module into static methods of generated
 * classes (see {@link FunctionCompiler}), and returns the machine and memory factories that plug the result
 * into a Chicory {@code Instance}. Chicory keeps parsing, instantiation, imports, tables and globals.
 *
 * <p>A function is left to Chicory's interpreter only when it uses an instruction not translated (a GC object
 * field of type {@code v128}, which Chicory's objects cannot hold either) or when its JVM method would pass the
 * class-file limit of 64 KiB; the result lists those in {@link CompiledWasm#interpretedFunctions()}.
 */
public final class WasmCompiler {
    private static final String PACKAGE = "fssdk/generated/";

    private WasmCompiler() {
    }

    /** Compiles {@code module} with {@code options}: {@link #translate} then {@link #load}. */
    public static CompiledWasm compile(WasmModule module, CompilerOptions options) {
        return load(module, options, translate(module, options));
    }

    /**
     * Translates every function of {@code module} to class files, without loading them. The result depends only
     * on the module, the options and this compiler's code ({@link #fingerprint()}), so it may be cached.
     */
    public static CompiledClasses translate(WasmModule module, CompilerOptions options) {
        ModuleLayout layout = layout(module, options, null);
        Map<String, List<Integer>> byClass = new LinkedHashMap<>();
        for (int f = 0; f < layout.types.length; f++) {
            byClass.computeIfAbsent(layout.owners[f], k -> new ArrayList<>()).add(f);
        }
        Set<Integer> interpreted = new TreeSet<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        // Functions whose instructions we do not translate go to the interpreter; find them up front so that a
        // class is compiled once in the common case.
        Map<String, byte[]> classes = new LinkedHashMap<>();
        int[] maxMethodSize = {0};
        Map<Integer, Integer> overJitLimit = new TreeMap<>();
        for (Map.Entry<String, List<Integer>> e : byClass.entrySet()) {
            classes.put(e.getKey(), compileClass(layout, e.getKey(), e.getValue(), interpreted, reasons, maxMethodSize,
                    overJitLimit));
        }
        return new CompiledClasses(classes, interpreted, reasons, maxMethodSize[0], overJitLimit, layout.classOf);
    }

    /**
     * Loads classes {@link #translate translated} from {@code module} with {@code options} (in this JVM or,
     * through a code cache, in another) into a class loader of their own. Classes are defined, and functions
     * looked up, on first use ({@link LoadedCode}).
     *
     * @throws IllegalStateException if the classes do not match the module (a function's class is missing)
     */
    public static CompiledWasm load(WasmModule module, CompilerOptions options, CompiledClasses compiled) {
        // The classes say where each function is, so a module parsed without its function bodies will do.
        ModuleLayout layout = layout(module, options, compiled.classOf);
        ClassLoader parent = WasmCompiler.class.getClassLoader();
        GeneratedLoader loader = new GeneratedLoader(parent, new HashMap<>(compiled.classes),
                new IndirectSwitch(layout)::classFile);
        Module self = WasmCompiler.class.getModule();
        if (self.isNamed()) {
            // The package is exported to nobody at compile time; generated code (in the loader's unnamed
            // module) is the one reader that needs GuestContext, GuestSupport and FlatMemory.
            self.addExports(WasmCompiler.class.getPackageName(), loader.getUnnamedModule());
        }
        for (int f = 0; f < layout.types.length; f++) {
            // Classes load on first use (LoadedCode); check now that each function has one, so that classes
            // of another module (a code-cache entry that decodes but is not this module's) are refused here.
            if (!compiled.classes.containsKey(layout.owners[f])) {
                throw new IllegalStateException("generated code has no class for " + layout.describe(f));
            }
        }
        return new CompiledWasm(layout, new LoadedCode(layout, loader), compiled.interpreted, compiled.reasons, compiled.maxMethodSize,
                compiled.overJitLimit);
    }

    /**
     * Whether any function of {@code module} uses a vector ({@code v128}) instruction. Chicory's interpreter runs
     * none of them, so such a module must not start in it while it compiles in the background.
     */
    public static boolean usesVectors(WasmModule module) {
        for (FunctionBody body : module.codeSection().functionBodies()) {
            for (AnnotatedInstruction ins : body.instructions()) {
                if (SimdOps.isVector(ins.opcode())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A digest of this compiler's own classes: part of every code-cache key, so that code generated by another
     * build of the compiler is never loaded (a hand-kept version number would be forgotten sooner or later).
     */
    public static String fingerprint() {
        return CompilerFingerprint.VALUE;
    }

    private static ModuleLayout layout(WasmModule module, CompilerOptions options, int[] classOf) {
        return new ModuleLayout(module, PACKAGE + "MC", options.maxInstructionsPerClass(),
                options.splitLargeFunctions(), options.forcedSplitBudget(), classOf);
    }

    private static byte[] compileClass(ModuleLayout layout, String name, List<Integer> functions,
            Set<Integer> interpreted, Map<String, String> reasons, int[] maxMethodSize,
            Map<Integer, Integer> overJitLimit) {
        while (true) {
            try {
                ClassCompiler cc = new ClassCompiler(layout, name, functions, interpreted);
                byte[] bytes = cc.compile();
                maxMethodSize[0] = Math.max(maxMethodSize[0], cc.maxMethodSize());
                overJitLimit.putAll(cc.overJitLimit);
                return bytes;
            } catch (UnsupportedOperationException | IllegalStateException e) {
                int f = failingFunction(e, functions, interpreted);
                interpreted.add(f);
                reasons.put(layout.describe(f), e.getMessage());
            } catch (MethodTooLargeException e) {
                // f<i> is function i's method; r<i>_<start> one of its regions (see RegionPlanner).
                String method = e.getMethodName();
                int f = functionOf(method);
                if (f < 0 || interpreted.contains(f) || f < layout.importCount) {
                    throw new IllegalStateException("generated method too large: " + method, e);
                }
                interpreted.add(f);
                reasons.put(layout.describe(f), "JVM method over 64 KiB (" + e.getCodeSize() + " bytes)");
            }
        }
    }

    /** The function a generated method belongs to ({@code f12}, {@code r12_300}), or -1 for any other. */
    private static int functionOf(String method) {
        if (method.length() < 2 || (method.charAt(0) != 'f' && method.charAt(0) != 'r')) {
            return -1;
        }
        int end = method.indexOf('_') > 0 ? method.indexOf('_') : method.length();
        try {
            return Integer.parseInt(method.substring(1, end));
        } catch (NumberFormatException ex) {
            return -1;
        }
    }

    /** The function whose translation threw: recorded by {@link FunctionCompiler} in the message prefix. */
    private static int failingFunction(RuntimeException e, List<Integer> functions, Set<Integer> interpreted) {
        String m = String.valueOf(e.getMessage());
        if (m.startsWith("f") && m.indexOf(':') > 1) {
            try {
                return Integer.parseInt(m.substring(1, m.indexOf(':')));
            } catch (NumberFormatException ignored) {
                // fall through
            }
        }
        throw new IllegalStateException("compiler failure outside a function body: " + m, e);
    }
}
