package io.fssdk.runtime.component.validate;

import io.fssdk.runtime.component.binary.Instance;
import io.fssdk.runtime.component.binary.Sort;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Validates component instance definitions: Binary.md's
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#instance-definitions">
 * Instance Definitions</a>. An instantiation names each argument once and supplies every import of the
 * component by name with an item of the import's sort whose type is a subtype of the import's
 * ({@link Subtype}; the component's abstract resources bound, in import order, to what the arguments supply);
 * a bag of exports follows the rules of exports.
 */
final class InstanceChecker {
    private InstanceChecker() {
    }

    /** The instance {@code ii} creates. */
    static InstanceInfo instantiate(Instance.Instantiate ii, Scope scope) {
        ComponentInfo component = scope.components.get(ii.componentIndex());
        Map<String, Extern> args = new HashMap<>();
        for (Instance.Arg a : ii.args()) {
            Extern item = scope.item(a.item());
            if (args.putIfAbsent(a.name(), item) != null) {
                throw new Invalid("instantiation argument `" + a.name() + "` is given twice");
            }
        }
        Subtype subtype = Subtype.forInstantiation(component.world());
        for (Map.Entry<String, Extern> imp : component.imports().entrySet()) {
            String name = imp.getKey();
            Extern arg = args.get(name);
            if (arg == null) {
                throw new Invalid("missing instantiation argument for import `" + name + "` of component "
                        + ii.componentIndex());
            }
            Sort expected = imp.getValue().sort();
            if (arg.sort() != expected) {
                throw new Invalid("instantiation argument `" + name + "` is " + Extern.a(arg.sort())
                        + ", but the import is " + Extern.a(expected));
            }
            if (imp.getValue().type() instanceof ResourceInfo && !(arg.type() instanceof ResourceInfo)) {
                throw new Invalid("instantiation argument `" + name + "` must be a resource type, not "
                        + ((TypeInfo) arg.type()).describe());
            }
            try {
                subtype.extern(arg, imp.getValue());
            } catch (Invalid x) {
                throw x.at("instantiation argument `" + name + "` does not match the import's type");
            }
        }
        return bounded(Substitution.instantiate(component, args));
    }

    /** The instance a bag of exports creates; its names follow the rules of a scope's exports. */
    static InstanceInfo fromExports(Instance.FromExports fe, Scope scope) {
        Names names = new Names("export");
        Map<String, ResourceInfo> resources = new HashMap<>();
        Map<String, Extern> exports = new LinkedHashMap<>();
        for (Instance.Export e : fe.exports()) {
            try {
                Extern item = scope.item(e.item());
                names.add(e.name());
                ExternChecker.describe(e.name(), e.attributes(), item, item, resources);
                exports.put(e.name().text(), item);
            } catch (Invalid x) {
                throw x.at("export `" + e.name() + "`");
            }
        }
        return bounded(new InstanceInfo(exports, false));
    }

    /**
     * Bags can wrap instances in instances without limit, one definition per level; the engine (and
     * {@link Substitution}) recurse over that nesting, so it is capped like type nesting.
     */
    private static InstanceInfo bounded(InstanceInfo instance) {
        TypeChecker.requireDepth(instance.depth(), "instance");
        return instance;
    }
}
