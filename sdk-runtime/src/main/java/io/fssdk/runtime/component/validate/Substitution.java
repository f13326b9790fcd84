package io.fssdk.runtime.component.validate;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The type of the instance that instantiating a component produces: its exports, with the component's
 * abstract resources replaced by what the arguments supply (Binary.md, Instance Definitions: "the actual type
 * supplied is immediately substituted for all uses of the import"). Validation tracks resource identity
 * only to tell which resources are local to a component, so this is deliberately partial: a resource
 * imported by the component, or exported by one of its imported instances, is bound to the argument's
 * resource at the same name (path); any other abstract resource declared in the component becomes
 * {@linkplain ResourceInfo#unknown() unknown}, never wrongly foreign; the component's own resource
 * definitions stay as they are (foreign to the instantiating component).
 *
 * <p>Each node is rebuilt at most once per instantiation (memoized by identity) and only if it can reach a
 * resource at all, so the cost is linear in the size of the exported types.
 */
final class Substitution {
    private final Scope world;
    private final Map<ResourceInfo, ResourceInfo> bound = new IdentityHashMap<>();
    private final Map<InstanceInfo, InstanceInfo> boundInstances = new IdentityHashMap<>();
    private final Map<Entity, Entity> memo = new IdentityHashMap<>();

    private Substitution(Scope world) {
        this.world = world;
    }

    /** The instance made by instantiating {@code component} with {@code args} (already checked by name). */
    static InstanceInfo instantiate(ComponentInfo component, Map<String, Extern> args) {
        Substitution s = new Substitution(component.world());
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

    /** Records which argument resource each abstract resource of an import stands for. */
    private void bind(Extern imp, Extern arg) {
        if (imp.type() instanceof ResourceInfo r && arg.type() instanceof ResourceInfo a) {
            bound.putIfAbsent(r, a);
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
            ResourceInfo b = bound.get(r);
            out = b != null ? b : r.declaredWithin(world) ? ResourceInfo.unknown() : r;
        } else if (e instanceof ValueInfo v) {
            ValueInfo mapped = v.map(this::value, x -> (ResourceInfo) entity(x));
            world.visibility.substituted(v, mapped);
            out = mapped;
        } else if (e instanceof FuncInfo f) {
            out = f.map(this::value);
        } else if (e instanceof InstanceInfo i) {
            out = new InstanceInfo(externs(i.exports()), i.mentionsFreeResource());
        } else if (e instanceof ComponentInfo c) {
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
