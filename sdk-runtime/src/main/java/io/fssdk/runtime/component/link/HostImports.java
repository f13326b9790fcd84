package io.fssdk.runtime.component.link;

import io.fssdk.runtime.component.FuncSignature;
import io.fssdk.runtime.component.LinkException;
import io.fssdk.runtime.component.ResourceType;
import io.fssdk.runtime.component.binary.ExternType;
import io.fssdk.runtime.component.binary.Import;
import io.fssdk.runtime.component.binary.TypeBound;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Satisfies a root component's imports from the host's {@link HostDefinitions}. An instance import is
 * matched export by export: a component imports only the functions it uses, so only those must be
 * defined, and each defined one with a declared signature must have exactly the imported type.
 */
final class HostImports implements ImportSource {
    private final HostDefinitions host;

    HostImports(HostDefinitions host) {
        this.host = host;
    }

    @Override
    public Item resolve(Import imp, Scope scope) {
        String name = imp.name().text();
        ExternType type = imp.type();
        if (type instanceof ExternType.Instance i) {
            TypeEntry t = scope.types.get(i.typeIndex());
            if (!(t instanceof TypeEntry.Instance it)) {
                throw new LinkException("import `" + name + "`: declared an instance of a " + t.describe());
            }
            Optional<Map.Entry<String, HostDefinitions.Interface>> found = host.find(name);
            HostDefinitions.Interface iface = found.map(Map.Entry::getValue).orElse(null);
            InstanceShape shape = InstanceShape.resolve(it, member -> resource(name, iface, member));
            // An interface that only declares value types (records, variants ...) needs nothing from the
            // host; anything with functions does.
            boolean needsHost = shape.exports().values().stream().anyMatch(e -> e instanceof InstanceShape.Export.Func);
            if (found.isEmpty() && needsHost && !host.stubUnknownImports()) {
                throw new LinkException("import `" + name + "`: no host interface of a compatible version is defined");
            }
            Map<String, Item> exports = new LinkedHashMap<>();
            for (Map.Entry<String, InstanceShape.Export> e : shape.exports().entrySet()) {
                exports.put(e.getKey(), member(name, iface, e.getKey(), e.getValue()));
            }
            return new Item.Instance(exports);
        } else if (type instanceof ExternType.Func f) {
            TypeEntry t = scope.types.get(f.typeIndex());
            if (!(t instanceof TypeEntry.Func fn)) {
                throw new LinkException("import `" + name + "`: declared a func of a " + t.describe());
            }
            HostDefinitions.Interface top = host.find("").map(Map.Entry::getValue).orElse(null);
            return new Item.Func(function("", top, name, fn.signature()));
        } else if (type instanceof ExternType.Type t) {
            if (t.bound() instanceof TypeBound.Eq eq) {
                return new Item.Type(scope.types.get(eq.typeIndex()));
            }
            HostDefinitions.Interface top = host.find("").map(Map.Entry::getValue).orElse(null);
            return new Item.Type(new TypeEntry.Resource(resource("", top, name)));
        }
        throw new LinkException("import `" + name + "`: importing a " + type.sort().text() + " is not supported");
    }

    private Item member(String ifaceName, HostDefinitions.Interface iface, String name, InstanceShape.Export e) {
        if (e instanceof InstanceShape.Export.Func f) {
            return new Item.Func(function(ifaceName, iface, name, f.signature()));
        } else if (e instanceof InstanceShape.Export.Type t) {
            return new Item.Type(t.entry());
        }
        throw new LinkException("import `" + ifaceName + "`, `" + name + "`: nested instances and other sorts are "
                + "not supported in host imports");
    }

    private ResourceType resource(String ifaceName, HostDefinitions.Interface iface, String name) {
        ResourceType r = iface == null ? null : iface.resources().get(name);
        if (r != null) {
            return r;
        }
        if (host.stubUnknownImports()) {
            return ResourceType.host(name, "stub for import `" + ifaceName + "`");
        }
        throw new LinkException("import `" + ifaceName + "`, resource `" + name + "`: not defined by the host");
    }

    private ComponentFunc function(String ifaceName, HostDefinitions.Interface iface, String name,
            FuncSignature imported) {
        String path = ifaceName.isEmpty() ? name : ifaceName + "#" + name;
        HostDefinitions.Function def = iface == null ? null : iface.functions().get(name);
        if (def == null) {
            if (host.stubUnknownImports()) {
                return new ComponentFunc.Stub(path, imported);
            }
            throw new LinkException("import `" + ifaceName + "`, function `" + name + "`: not defined by the host");
        }
        if (def.declared().isPresent() && !def.declared().get().equals(imported)) {
            throw new LinkException("import `" + ifaceName + "`, function `" + name + "`: expected "
                    + imported.wit() + ", the host defined " + def.declared().get().wit());
        }
        if (def.raw().isPresent()) {
            return new ComponentFunc.Raw(path, imported, def.raw().get());
        }
        return new ComponentFunc.Host(path, imported, def.dynamic().orElseThrow());
    }
}
