package io.fssdk.runtime.component.link;

import io.fssdk.runtime.component.LinkException;
import io.fssdk.runtime.component.binary.ExternType;
import io.fssdk.runtime.component.binary.Import;
import io.fssdk.runtime.component.binary.TypeBound;
import java.util.Map;

/**
 * The imports of a nested component, satisfied by the {@code with} arguments of its
 * {@code (instance (instantiate c (with "name" ...)))}, matched by plain string equality as the spec says.
 */
final class ArgImports implements ImportSource {
    private final Map<String, Item> args;

    ArgImports(Map<String, Item> args) {
        this.args = Map.copyOf(args);
    }

    @Override
    public Item resolve(Import imp, Scope scope) {
        String name = imp.name().text();
        Item item = args.get(name);
        if (item == null) {
            if (imp.type() instanceof ExternType.Type t && t.bound() instanceof TypeBound.Eq eq) {
                return new Item.Type(scope.types.get(eq.typeIndex()));
            }
            throw new LinkException("nested component import `" + name + "` is not given by its instantiation");
        }
        if (item.sort() != imp.type().sort()) {
            throw new LinkException("nested component import `" + name + "`: expected a " + imp.type().sort().text()
                    + ", given a " + item.sort().text());
        }
        return item;
    }
}
