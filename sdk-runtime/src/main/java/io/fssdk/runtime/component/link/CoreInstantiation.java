package io.fssdk.runtime.component.link;

import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportGlobal;
import com.dylibso.chicory.runtime.ImportMemory;
import com.dylibso.chicory.runtime.ImportTable;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.ImportSection;
import io.fssdk.runtime.compiler.GcObjectCap;
import io.fssdk.runtime.component.ComponentException;
import io.fssdk.runtime.component.InvalidException;
import io.fssdk.runtime.component.LinkException;
import io.fssdk.runtime.component.TrapException;
import io.fssdk.runtime.component.binary.CoreInstance;
import io.fssdk.runtime.component.binary.CoreSort;
import io.fssdk.runtime.component.binary.Sort;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code (core instance (instantiate m (with "name" (instance i))*))}: resolves every import of core
 * module {@code m} against the named argument instances and instantiates it in Chicory, running its start
 * function (which, for {@code jco new} output, is the fixup module filling the shim table, and may run
 * guest code).
 */
final class CoreInstantiation {
    private CoreInstantiation() {
    }

    static CoreInstanceItem instantiate(CoreInstance.Instantiate def, Scope scope) {
        CompiledModule module = Scope.at(scope.coreModules, def.moduleIndex(), Sort.CORE_MODULE);
        Map<String, CoreInstanceItem> args = new HashMap<>();
        for (CoreInstance.Arg a : def.args()) {
            args.put(a.name(), Scope.at(scope.coreInstances, a.instanceIndex(), Sort.CORE_INSTANCE));
        }
        ImportValues.Builder imports = ImportValues.builder();
        ImportSection section = module.module().importSection();
        for (int i = 0; i < section.importCount(); i++) {
            Import imp = section.getImport(i);
            CoreInstanceItem from = args.get(imp.module());
            if (from == null) {
                throw new InvalidException(module.label() + " imports `" + imp.module() + "`.`" + imp.name()
                        + "`, but no instance named `" + imp.module() + "` is given to instantiate it");
            }
            switch (imp.importType()) {
                case FUNCTION -> {
                    CoreFunc f = ((CoreExtern.Func) from.export(imp.name(), CoreSort.FUNC)).func();
                    imports.addFunction(bypassingShim(f, imp.module(), imp.name()));
                }
                case MEMORY -> imports.addMemory(new ImportMemory(imp.module(), imp.name(),
                        ((CoreExtern.Mem) from.export(imp.name(), CoreSort.MEMORY)).memory()));
                case TABLE -> imports.addTable(new ImportTable(imp.module(), imp.name(),
                        ((CoreExtern.Table) from.export(imp.name(), CoreSort.TABLE)).table()));
                case GLOBAL -> imports.addGlobal(new ImportGlobal(imp.module(), imp.name(),
                        ((CoreExtern.Global) from.export(imp.name(), CoreSort.GLOBAL)).global()));
                default -> throw new InvalidException(module.label() + " imports a " + imp.importType()
                        + ", which components cannot provide");
            }
        }
        try {
            Instance instance = module.instantiate(imports.build(), scope.state.root.maxMemoryPages);
            if (module.definesMemory()) {
                scope.state.root.addMemory(instance.memory());
            }
            if (scope.state.root.fuel != null) {
                scope.state.root.fuel.attach(instance);
            }
            if (scope.state.root.maxGcBytes > 0) {
                GcObjectCap.apply(instance, scope.state.root.maxGcBytes);
            }
            return new CoreInstanceItem.Module(instance, module.label());
        } catch (com.dylibso.chicory.wasm.UnlinkableException e) {
            throw new LinkException(module.label() + " cannot be linked: " + e.getMessage(), e);
        } catch (com.dylibso.chicory.wasm.InvalidException e) {
            throw new InvalidException(module.label() + " cannot be linked: " + e.getMessage(), e);
        } catch (ComponentException e) {
            throw e;
        } catch (ChicoryException | StackOverflowError e) {
            TrapException trap = Traps.of(module.label() + " start", e);
            throw trap != null ? trap : new LinkException(module.label() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // Chicory can also fail with plain JVM exceptions while it builds an instance or runs a start
            // function; none may escape the engine's exception hierarchy.
            TrapException trap = Traps.of(module.label() + " start", e);
            throw trap != null ? trap : new LinkException(module.label() + " cannot be instantiated: " + e, e);
        }
    }

    /**
     * {@code f} as an import; a shim function ({@link ShimBypass}) is bound to what its table slot holds
     * instead of being run, which only {@code wit-component}'s fixup modules and main modules import.
     */
    private static ImportFunction bypassingShim(CoreFunc f, String module, String name) {
        if (f instanceof CoreFunc.Exported e) {
            int index = CoreInvoker.functionIndex(e.instance(), e.exportName());
            if (index >= 0) {
                Optional<ShimBypass> bypass = ShimBypass.of(e.instance(), index);
                if (bypass.isPresent()) {
                    return new ImportFunction(module, name, e.type(), bypass.get());
                }
            }
        }
        return f.asImport(module, name);
    }

    /** {@code (core instance (export "n" (sort i))*)}. */
    static CoreInstanceItem fromExports(CoreInstance.FromExports def, Scope scope) {
        Map<String, CoreExtern> exports = new HashMap<>();
        for (CoreInstance.Export e : def.exports()) {
            Sort sort = Sort.of(e.sort());
            CoreExtern item = switch (e.sort()) {
                case FUNC -> new CoreExtern.Func(Scope.at(scope.coreFuncs, e.index(), sort));
                case MEMORY -> new CoreExtern.Mem(Scope.at(scope.coreMemories, e.index(), sort));
                case TABLE -> new CoreExtern.Table(Scope.at(scope.coreTables, e.index(), sort));
                case GLOBAL -> new CoreExtern.Global(Scope.at(scope.coreGlobals, e.index(), sort));
                default -> throw new InvalidException("a core instance cannot export a core " + e.sort().text());
            };
            if (exports.put(e.name(), item) != null) {
                throw new InvalidException("core instance exports `" + e.name() + "` twice");
            }
        }
        return new CoreInstanceItem.Inline(exports);
    }

    /** Adds a core item taken from a core instance's export to its index space. */
    static void addCoreAlias(Scope scope, CoreExtern item) {
        if (item instanceof CoreExtern.Func f) {
            scope.coreFuncs.add(f.func());
        } else if (item instanceof CoreExtern.Mem m) {
            scope.coreMemories.add(m.memory());
        } else if (item instanceof CoreExtern.Table t) {
            scope.coreTables.add(t.table());
        } else if (item instanceof CoreExtern.Global g) {
            scope.coreGlobals.add(g.global());
        }
    }
}
