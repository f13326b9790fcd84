package io.fssdk.runtime.component.validate;

import io.fssdk.runtime.component.binary.Sort;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Resource substitution, where resource types are generative (Explainer.md,
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Explainer.md#type-checking">Type
 * Checking</a>): each instantiation of a component, and each import or export of an instance type, makes new
 * resource types.
 *
 * <p>{@link #instantiate}: the type of the instance that instantiating a component produces, its exports with the
 * component's resources replaced (Binary.md, Instance Definitions: "the actual type supplied is immediately
 * substituted for all uses of the import"). A resource imported by the component, or exported by one of its
 * imported instances, is bound to the argument's resource at the same name (path); every other resource the
 * component owns (defines, or declares abstractly, itself or in a nested type or component) becomes a new one,
 * so two instances of one component never share a resource, and none of them is local to the instantiating
 * component.
 *
 * <p>{@link #freshInstance}: an instance type's abstract resources declared inside it become new abstract
 * resources of the scope that imports or exports it, so two imports of one instance type have distinct
 * resources (and the importing component's instantiation binds them like its other imported resources).
 *
 * <p>Each node is rebuilt at most once per substitution (memoized by identity) and only if it can reach a
 * resource at all, so the cost is linear in the size of the types.
 */
final class Substitution {
    private final Scope world;
    private final Predicate<ResourceInfo> generative;
    private final UnaryOperator<ResourceInfo> renew;
    private final boolean intoComponents;
    /** By canonical resource: what an argument supplies for it, or its renewal. */
    private final Map<ResourceInfo, ResourceInfo> bound = new IdentityHashMap<>();
    private final Map<ResourceInfo, ResourceInfo> renewed = new IdentityHashMap<>();
    private final Map<InstanceInfo, InstanceInfo> boundInstances = new IdentityHashMap<>();
    private final Map<Entity, Entity> memo = new IdentityHashMap<>();

    private Substitution(Scope world, Predicate<ResourceInfo> generative, UnaryOperator<ResourceInfo> renew,
            boolean intoComponents) {
        this.world = world;
        this.generative = generative;
        this.renew = renew;
        this.intoComponents = intoComponents;
    }

    /** The instance made by instantiating {@code component} with {@code args} (already checked by name). */
    static InstanceInfo instantiate(ComponentInfo component, Map<String, Extern> args) {
        Scope world = component.world();
        Substitution s = new Substitution(world, r -> r.ownedWithin(world), ResourceInfo::copy, true);
        for (Map.Entry<String, Extern> imp : component.imports().entrySet()) {
            Extern arg = args.get(imp.getKey());
            if (arg != null) {
                s.bind(imp.getValue(), arg);
            }
        }
        Map<String, Extern> exports = new LinkedHashMap<>();
        for (Map.Entry<String, Extern> e : component.exports().entrySet()) {
            exports.put(e.getKey(), s.extern(e.getValue()));
        }
        return new InstanceInfo(exports, false);
    }

    /**
     * {@code e} as imported or exported in {@code scope}: if it is an instance, with the abstract resources
     * declared inside its type replaced by new ones of {@code scope}. Component types inside are left alone:
     * their resources are renewed when they are instantiated.
     */
    static Extern freshInstance(Extern e, Scope scope) {
        if (e.sort() != Sort.INSTANCE || !e.type().hasResources()) {
            return e;
        }
        return new Substitution(scope, r -> r.declaredInTypeWithin(scope), r -> ResourceInfo.abstractIn(scope), false)
                .extern(e);
    }

    /** Records which argument resource each abstract resource of an import stands for. */
    private void bind(Extern imp, Extern arg) {
        if (imp.type() instanceof ResourceInfo r && arg.type() instanceof ResourceInfo a) {
            bound.putIfAbsent(r.canonical(), a);
        } else if (imp.type() instanceof InstanceInfo i && arg.type() instanceof InstanceInfo a
                && i.hasResources() && boundInstances.putIfAbsent(i, a) == null) {
            for (Map.Entry<String, Extern> e : i.exports().entrySet()) {
                Extern supplied = a.exports().get(e.getKey());
                if (supplied != null && supplied.sort() == e.getValue().sort()) {
                    bind(e.getValue(), supplied);
                }
            }
        }
    }

    private Extern extern(Extern e) {
        Entity t = entity(e.type());
        return t == e.type() ? e : new Extern(e.sort(), t);
    }

    private Entity entity(Entity e) {
        if (!e.hasResources()) {
            return e;
        }
        Entity done = memo.get(e);
        if (done != null) {
            return done;
        }
        Entity out;
        if (e instanceof ResourceInfo r) {
            ResourceInfo b = bound.get(r.canonical());
            if (b != null) {
                out = b;
            } else if (generative.test(r)) {
                // One new resource per canonical one; each alias of it becomes an alias of the new one.
                ResourceInfo c = renewed.computeIfAbsent(r.canonical(), renew);
                out = r == r.canonical() ? c : c.alias();
            } else {
                out = r;
            }
        } else if (e instanceof ValueInfo v) {
            ValueInfo mapped = v.map(this::value, x -> (ResourceInfo) entity(x));
            world.visibility.substituted(v, mapped);
            out = mapped;
        } else if (e instanceof FuncInfo f) {
            out = f.map(this::value);
        } else if (e instanceof InstanceInfo i) {
            out = new InstanceInfo(externs(i.exports()), i.mentionsFreeResource());
        } else if (e instanceof ComponentInfo c && intoComponents) {
            out = new ComponentInfo(externs(c.imports()), externs(c.exports()), c.world(), c.mentionsFreeResource());
        } else {
            out = e;
        }
        memo.put(e, out);
        return out;
    }

    private ValueInfo value(ValueInfo v) {
        return (ValueInfo) entity(v);
    }

    private Map<String, Extern> externs(Map<String, Extern> in) {
        Map<String, Extern> out = new LinkedHashMap<>();
        for (Map.Entry<String, Extern> e : in.entrySet()) {
            out.put(e.getKey(), extern(e.getValue()));
        }
        return out;
    }
}
