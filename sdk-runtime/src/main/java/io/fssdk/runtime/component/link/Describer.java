package io.fssdk.runtime.component.link;

import io.fssdk.runtime.component.ComponentExtern;
import io.fssdk.runtime.component.binary.ParsedComponent;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Describes a component's imports and exports with resolved types. It runs the instantiator in its
 * types-only mode against a host that defines nothing (every import becomes a stub), so no guest code
 * runs and no core module is instantiated.
 */
public final class Describer {
    private Describer() {
    }

    /**
     * The imports and exports of a component.
     *
     * @param imports in declaration order
     * @param exports in declaration order
     */
    public record Description(List<ComponentExtern> imports, List<ComponentExtern> exports) {
        /** Copies the lists. */
        public Description {
            imports = List.copyOf(imports);
            exports = List.copyOf(exports);
        }

        /** WIT-like text: one {@code import} or {@code export} line (or block) per item. */
        public String wit() {
            List<String> lines = new ArrayList<>();
            imports.forEach(i -> lines.add("import " + i.wit()));
            exports.forEach(e -> lines.add("export " + e.wit()));
            return lines.stream().map(l -> "  " + l.replace("\n", "\n  "))
                    .collect(Collectors.joining("\n", "component {\n", "\n}\n"));
        }
    }

    static Description describe(ParsedComponent parsed) {
        Instantiator walker = new Instantiator(new IdentityHashMap<>(), true);
        Scope scope = new Scope(null, new InstanceState(new RootState(1)));
        Map<String, Item> exports = walker.run(parsed, scope,
                new HostImports(new HostDefinitions(Map.of(), true)), "");
        return new Description(externs(walker.rootImports()), externs(exports));
    }

    private static List<ComponentExtern> externs(Map<String, Item> items) {
        List<ComponentExtern> out = new ArrayList<>();
        items.forEach((name, item) -> out.add(extern(name, item)));
        return out;
    }

    private static ComponentExtern extern(String name, Item item) {
        if (item instanceof Item.Func f) {
            return new ComponentExtern.Function(name, f.func().signature());
        } else if (item instanceof Item.Instance i) {
            return new ComponentExtern.Interface(name, externs(i.exports()));
        } else if (item instanceof Item.Type t) {
            if (t.type() instanceof TypeEntry.Resource) {
                return new ComponentExtern.Resource(name);
            } else if (t.type() instanceof TypeEntry.Value v) {
                return new ComponentExtern.Type(name, v.type());
            }
            return new ComponentExtern.Other(name, t.type().describe());
        }
        return new ComponentExtern.Other(name, item.sort().text());
    }
}
