package io.fssdk.runtime.component.link;

import io.fssdk.runtime.component.ComponentException;
import io.fssdk.runtime.component.ComponentOptions;
import io.fssdk.runtime.component.InvalidException;
import io.fssdk.runtime.component.LinkException;
import io.fssdk.runtime.component.TrapException;
import io.fssdk.runtime.component.binary.ByteSlice;
import io.fssdk.runtime.component.binary.ComponentParser;
import io.fssdk.runtime.component.binary.CoreModule;
import io.fssdk.runtime.component.binary.Definition;
import io.fssdk.runtime.component.binary.NestedComponent;
import io.fssdk.runtime.component.binary.ParsedComponent;
import io.fssdk.runtime.component.core.CoreModuleCheck;
import io.fssdk.runtime.component.core.TypeUnifier;
import io.fssdk.runtime.component.validate.ComponentValidator;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed component with every core module parsed by Chicory (and, in compiler mode, compiled on first
 * instantiation): the engine-side state behind a public {@code Component}. Immutable and thread-safe.
 */
public final class PreparedComponent {
    private final ParsedComponent parsed;
    private final IdentityHashMap<ByteSlice, CompiledModule> modules;
    private final ComponentOptions options;

    private PreparedComponent(ParsedComponent parsed, IdentityHashMap<ByteSlice, CompiledModule> modules,
            ComponentOptions options) {
        this.parsed = parsed;
        this.modules = modules;
        this.options = options;
    }

    /**
     * Parses a component binary and every core module in it.
     *
     * @throws io.fssdk.runtime.component.MalformedException for bad bytes
     * @throws io.fssdk.runtime.component.InvalidException for an invalid component (the validation pass)
     *     or core module
     */
    public static PreparedComponent prepare(byte[] binary, ComponentOptions options) {
        ParsedComponent parsed = ComponentParser.parse(binary);
        ComponentValidator.validate(parsed);
        List<ByteSlice> slices = new ArrayList<>();
        collect(parsed, slices);
        // Every core module gets one shared type section, so that Chicory's nominal call_indirect check
        // holds across modules that share tables (see TypeUnifier).
        List<byte[]> unified = TypeUnifier.unify(slices.stream().map(ByteSlice::toByteArray).toList());
        IdentityHashMap<ByteSlice, CompiledModule> modules = new IdentityHashMap<>();
        CoreCodegen codegen = CoreCodegens.of(options);
        CodeCache cache = options.codeCache().map(CodeCache::new).orElse(null);
        for (int i = 0; i < slices.size(); i++) {
            // Every length and count is checked against the bytes before Chicory allocates by it.
            CoreModuleCheck.check(unified.get(i), "core module " + i + " is malformed");
            modules.put(slices.get(i), CompiledModule.parse(unified.get(i), slices.get(i).offset(), codegen, cache,
                    options.name(), i));
        }
        return new PreparedComponent(parsed, modules, options);
    }

    /**
     * Parses and validates the component's own sections and describes them, leaving its core modules
     * alone (they are where the time goes for large guests).
     */
    public static Describer.Description describeOnly(byte[] binary) {
        ParsedComponent parsed = ComponentParser.parse(binary);
        ComponentValidator.validate(parsed);
        return Describer.describe(parsed);
    }

    private static void collect(ParsedComponent c, List<ByteSlice> into) {
        for (Definition d : c.definitions()) {
            if (d instanceof CoreModule m) {
                into.add(m.bytes());
            } else if (d instanceof NestedComponent n) {
                collect(n.component(), into);
            }
        }
    }

    /** Describes the imports and exports with their types, without running anything. */
    public Describer.Description describe() {
        return Describer.describe(parsed);
    }

    /** The parsed model. */
    public ParsedComponent parsed() {
        return parsed;
    }

    /** The options it was loaded with. */
    public ComponentOptions options() {
        return options;
    }

    /** The number of core modules, nested components' included. */
    public int coreModuleCount() {
        return modules.size();
    }

    /** Compiles every core module now instead of on first instantiation. */
    public void compileAll() {
        modules.values().forEach(CompiledModule::code);
    }

    /** Whether a module is still compiling in the background (one not prepared yet is not). */
    public boolean compiling() {
        return modules.values().stream().anyMatch(CompiledModule::compiling);
    }

    /** {@link #compileAll()}, then waits for modules compiling in the background. */
    public void compileAllAndWait() {
        modules.values().forEach(m -> m.code().awaitCompiled());
    }

    /**
     * Instantiates the component against the host's definitions.
     *
     * @throws io.fssdk.runtime.component.LinkException when an import cannot be satisfied
     * @throws io.fssdk.runtime.component.TrapException when a start function traps
     */
    public RootInstance instantiate(HostDefinitions host) {
        RootState root = new RootState(options.maxMemoryPages(), options.maxFuel(), options.maxGcBytes());
        Scope scope = new Scope(null, new InstanceState(root));
        try {
            Map<String, Item> exports = new Instantiator(modules, false).run(parsed, scope, new HostImports(host), "");
            return new RootInstance(root, exports);
        } catch (ComponentException e) {
            throw e;
        } catch (com.dylibso.chicory.wasm.InvalidException e) {
            throw new InvalidException("a core module is invalid: " + e.getMessage(), e);
        } catch (RuntimeException | StackOverflowError e) {
            // Nothing else may escape: a guest fault in a start function is a trap; anything Chicory throws
            // while wiring modules together (an export index of 0x80000000 made it throw
            // ArrayIndexOutOfBoundsException) means the component cannot be instantiated.
            TrapException trap = Traps.of("instantiation", e);
            if (trap != null && !(e instanceof IndexOutOfBoundsException)) {
                throw trap;
            }
            throw new LinkException("cannot instantiate the component: " + describe(e), e);
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isEmpty() ? "" : ": " + m);
    }
}
