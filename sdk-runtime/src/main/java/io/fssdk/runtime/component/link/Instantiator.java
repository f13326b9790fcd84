package io.fssdk.runtime.component.link;

import io.fssdk.runtime.component.InvalidException;
import io.fssdk.runtime.component.ResourceType;
import io.fssdk.runtime.component.TrapException;
import io.fssdk.runtime.component.binary.Alias;
import io.fssdk.runtime.component.binary.ByteSlice;
import io.fssdk.runtime.component.binary.Canon;
import io.fssdk.runtime.component.binary.CoreInstance;
import io.fssdk.runtime.component.binary.CoreTypeDefinition;
import io.fssdk.runtime.component.binary.Definition;
import io.fssdk.runtime.component.binary.Export;
import io.fssdk.runtime.component.binary.Import;
import io.fssdk.runtime.component.binary.Instance;
import io.fssdk.runtime.component.binary.NestedComponent;
import io.fssdk.runtime.component.binary.ParsedComponent;
import io.fssdk.runtime.component.binary.Sort;
import io.fssdk.runtime.component.binary.TypeDefinition;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Instantiates a component: walks its definitions in order, appending to the index spaces of a
 * {@link Scope} (Explainer.md, "Instance Definitions"), instantiating core modules in Chicory as they come,
 * and recursing into nested components with their own {@link InstanceState}.
 */
final class Instantiator {
    private final Map<ByteSlice, CompiledModule> modules;
    private final boolean typesOnly;
    private final Map<String, Item> rootImports = new LinkedHashMap<>();

    /**
     * @param modules every core module of the component and its nested components, by slice identity
     * @param typesOnly when true, nothing runs: core definitions are skipped and lifted functions become
     *     type-only stubs, which is how {@link Describer} learns the types of imports and exports
     */
    Instantiator(IdentityHashMap<ByteSlice, CompiledModule> modules, boolean typesOnly) {
        this.modules = modules;
        this.typesOnly = typesOnly;
    }

    /** The root component's imports as resolved by the last {@link #run}. */
    Map<String, Item> rootImports() {
        return rootImports;
    }

    /** Instantiates {@code component} in {@code scope} and returns its exports by name. */
    Map<String, Item> run(ParsedComponent component, Scope scope, ImportSource imports, String prefix) {
        Map<Integer, String> resourceNames = resourceExportNames(component);
        Map<String, Item> exports = new LinkedHashMap<>();
        for (Definition d : component.definitions()) {
            if (typesOnly && isCore(d)) {
                if (d instanceof CoreTypeDefinition || d instanceof Alias.Outer o && o.sort() == Sort.CORE_TYPE) {
                    scope.types.addCoreType();
                }
                continue;
            }
            if (d instanceof io.fssdk.runtime.component.binary.CoreModule m) {
                CompiledModule cm = modules.get(m.bytes());
                if (cm == null) {
                    throw new IllegalStateException("core module was not compiled with its component");
                }
                scope.coreModules.add(cm);
            } else if (d instanceof CoreInstance.Instantiate ci) {
                scope.coreInstances.add(CoreInstantiation.instantiate(ci, scope));
            } else if (d instanceof CoreInstance.FromExports fe) {
                scope.coreInstances.add(CoreInstantiation.fromExports(fe, scope));
            } else if (d instanceof CoreTypeDefinition) {
                scope.types.addCoreType();
            } else if (d instanceof NestedComponent nc) {
                scope.components.add(new Item.Component(nc.component(), scope));
            } else if (d instanceof Instance.Instantiate ii) {
                scope.instances.add(instantiateNested(ii, scope, prefix));
            } else if (d instanceof Instance.FromExports fe) {
                Map<String, Item> items = new LinkedHashMap<>();
                for (Instance.Export e : fe.exports()) {
                    items.put(e.name().text(), scope.item(e.item().sort(), e.item().index()));
                }
                scope.instances.add(new Item.Instance(items));
            } else if (d instanceof Alias a) {
                alias(a, scope);
            } else if (d instanceof TypeDefinition t) {
                defineType(t, scope, resourceNames, prefix, typesOnly);
            } else if (d instanceof Canon c) {
                if (typesOnly) {
                    defineTypeOnly(c, scope, prefix);
                } else {
                    Canonicals.define(c, scope, prefix);
                }
            } else if (d instanceof Import imp) {
                Item item = imports.resolve(imp, scope);
                if (prefix.isEmpty()) {
                    rootImports.put(imp.name().text(), item);
                }
                scope.add(item);
            } else if (d instanceof Export e) {
                Item item = named(scope.item(e.item().sort(), e.item().index()), prefix + e.name().text());
                if (exports.put(e.name().text(), item) != null) {
                    throw new InvalidException("export `" + e.name().text() + "` is defined twice");
                }
                scope.add(item);
            }
        }
        return exports;
    }

    /**
     * The item under the name it is exported as, so that traps name {@code fs-process} or
     * {@code wasi:cli/run@0.2.0#run} rather than the index it was lifted at.
     */
    private static Item named(Item item, String path) {
        if (item instanceof Item.Func f && f.func() instanceof LiftedFunc lf) {
            return new Item.Func(lf.renamed(path));
        } else if (item instanceof Item.Instance i) {
            Map<String, Item> members = new LinkedHashMap<>();
            i.exports().forEach((name, member) -> members.put(name, named(member, path + "#" + name)));
            return new Item.Instance(members);
        }
        return item;
    }

    /** Core-level definitions, which a types-only walk skips. */
    private static boolean isCore(Definition d) {
        return d instanceof io.fssdk.runtime.component.binary.CoreModule || d instanceof CoreInstance
                || d instanceof CoreTypeDefinition
                || (d instanceof Alias a && a.sort().isCore())
                || (d instanceof Canon c && c.sort() == Sort.CORE_FUNC);
    }

    private static void defineTypeOnly(Canon c, Scope scope, String prefix) {
        if (c instanceof Canon.Lift lift) {
            TypeEntry t = scope.types.get(lift.typeIndex());
            if (!(t instanceof TypeEntry.Func f)) {
                throw new InvalidException("canon lift: type index " + lift.typeIndex() + " is a " + t.describe()
                        + ", not a function type");
            }
            scope.funcs.add(new ComponentFunc.Stub(prefix + "lifted func " + scope.funcs.size(), f.signature()));
        }
    }

    private Item.Instance instantiateNested(Instance.Instantiate ii, Scope scope, String prefix) {
        Item.Component def = Scope.at(scope.components, ii.componentIndex(), Sort.COMPONENT);
        Map<String, Item> args = new HashMap<>();
        for (Instance.Arg a : ii.args()) {
            args.put(a.name(), scope.item(a.item().sort(), a.item().index()));
        }
        Scope child = new Scope(def.definingScope(), new InstanceState(scope.state.root, scope.state));
        String childPrefix = prefix + "instance " + scope.instances.size() + "/";
        return new Item.Instance(run(def.component(), child, new ArgImports(args), childPrefix));
    }

    private static void alias(Alias a, Scope scope) {
        if (a instanceof Alias.InstanceExport ie) {
            Item.Instance inst = Scope.at(scope.instances, ie.instanceIndex(), Sort.INSTANCE);
            Item item = inst.exports().get(ie.name());
            if (item == null) {
                throw new InvalidException("alias: instance " + ie.instanceIndex() + " has no export `" + ie.name() + "`");
            }
            if (item.sort() != ie.sort()) {
                throw new InvalidException("alias: export `" + ie.name() + "` is a " + item.sort().text()
                        + ", not a " + ie.sort().text());
            }
            scope.add(item);
        } else if (a instanceof Alias.CoreInstanceExport ce) {
            CoreInstanceItem inst = Scope.at(scope.coreInstances, ce.instanceIndex(), Sort.CORE_INSTANCE);
            CoreInstantiation.addCoreAlias(scope, inst.export(ce.name(), ce.coreSort()));
        } else if (a instanceof Alias.Outer o) {
            Scope target = scope.outer(o.count());
            switch (o.sort()) {
                case TYPE -> scope.types.add(target.types.get(o.index()));
                case CORE_TYPE -> scope.types.addCoreType();
                case CORE_MODULE -> scope.coreModules.add(Scope.at(target.coreModules, o.index(), o.sort()));
                case COMPONENT -> scope.components.add(Scope.at(target.components, o.index(), o.sort()));
                default -> throw new InvalidException("outer alias of a " + o.sort().text() + " is not allowed");
            }
        }
    }

    private static void defineType(TypeDefinition t, Scope scope, Map<Integer, String> names, String prefix,
            boolean typesOnly) {
        if (t.type() instanceof io.fssdk.runtime.component.binary.ResourceType r) {
            int index = scope.types.size();
            String name = names.getOrDefault(index, "resource" + index);
            ResourceType type;
            if (r.destructor().isPresent() && !typesOnly) {
                CoreInvoker dtor = new CoreInvoker(Scope.at(scope.coreFuncs, r.destructor().getAsInt(), Sort.CORE_FUNC));
                String owner = prefix.isEmpty() ? "component" : prefix;
                String path = "[resource-drop]" + name;
                InstanceState state = scope.state;
                type = ResourceType.guest(name, owner, rep -> runDestructor(dtor, rep, path, state), rep -> {
                    // A drop by the host is a call into the instance: it may not reenter a running instance
                    // or run code in a poisoned one.
                    state.enter(path);
                    try {
                        runDestructor(dtor, rep, path, state);
                    } finally {
                        state.leave();
                    }
                });
            } else {
                type = ResourceType.guest(name, prefix.isEmpty() ? "component" : prefix);
            }
            scope.state.tables.define(type);
            scope.types.add(new TypeEntry.Resource(type));
        } else {
            scope.types.add(TypeResolver.define(t.type(), scope.types));
        }
    }

    private static void runDestructor(CoreInvoker dtor, int rep, String path, InstanceState state) {
        try {
            dtor.call(Integer.toUnsignedLong(rep));
        } catch (RuntimeException | StackOverflowError e) {
            TrapException trap = Traps.of(path, e);
            if (trap == null) {
                throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
            }
            state.root.poison(trap.getMessage());
            throw trap;
        }
    }

    /**
     * The export names of resource types, by type index, so a defined resource carries the name users
     * know it by. Only exports directly naming a type index are seen; others keep a generated name.
     */
    private static Map<Integer, String> resourceExportNames(ParsedComponent component) {
        Map<Integer, String> names = new HashMap<>();
        for (Export e : component.exports()) {
            if (e.item().sort() == Sort.TYPE) {
                names.putIfAbsent(e.item().index(), e.name().text());
            }
        }
        return names;
    }
}
