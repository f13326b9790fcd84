package io.fssdk.runtime.component.link;

import com.dylibso.chicory.runtime.GlobalInstance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.TableInstance;
import io.fssdk.runtime.component.InvalidException;
import io.fssdk.runtime.component.binary.Sort;
import java.util.ArrayList;
import java.util.List;

/**
 * The index spaces of one component while it is instantiated (Explainer.md, "Index Spaces"): every
 * definition appends to the space of its sort, in order. A nested component's scope points at the scope
 * it was defined in, which {@code alias outer} reaches.
 */
final class Scope {
    final Scope parent;
    final InstanceState state;
    final TypeScope types;
    final List<CoreFunc> coreFuncs = new ArrayList<>();
    final List<Memory> coreMemories = new ArrayList<>();
    final List<TableInstance> coreTables = new ArrayList<>();
    final List<GlobalInstance> coreGlobals = new ArrayList<>();
    final List<CoreInstanceItem> coreInstances = new ArrayList<>();
    final List<CompiledModule> coreModules = new ArrayList<>();
    final List<ComponentFunc> funcs = new ArrayList<>();
    final List<Item.Component> components = new ArrayList<>();
    final List<Item.Instance> instances = new ArrayList<>();

    Scope(Scope parent, InstanceState state) {
        this.parent = parent;
        this.state = state;
        this.types = new TypeScope(parent == null ? null : parent.types);
    }

    /** The scope {@code count} levels out (0 is this one). */
    Scope outer(int count) {
        Scope s = this;
        for (int i = 0; i < count; i++) {
            if (s.parent == null) {
                throw new InvalidException("outer alias count " + count + " exceeds the enclosing components");
            }
            s = s.parent;
        }
        return s;
    }

    /** Element {@code index} of a list, or an {@link InvalidException} naming the index space. */
    static <T> T at(List<T> list, int index, Sort sort) {
        if (index < 0 || index >= list.size()) {
            throw new InvalidException(sort.text() + " index " + index + " out of range (" + list.size()
                    + " defined)");
        }
        return list.get(index);
    }

    /** The component-level item at {@code index} of {@code sort}'s index space. */
    Item item(Sort sort, int index) {
        return switch (sort) {
            case FUNC -> new Item.Func(at(funcs, index, sort));
            case TYPE -> new Item.Type(types.get(index));
            case COMPONENT -> at(components, index, sort);
            case INSTANCE -> at(instances, index, sort);
            case CORE_MODULE -> new Item.Module(at(coreModules, index, sort));
            default -> throw new InvalidException("a " + sort.text() + " cannot be used as a component item");
        };
    }

    /** Appends an item to its sort's index space. */
    void add(Item item) {
        if (item instanceof Item.Func f) {
            funcs.add(f.func());
        } else if (item instanceof Item.Type t) {
            types.add(t.type());
        } else if (item instanceof Item.Component c) {
            components.add(c);
        } else if (item instanceof Item.Instance i) {
            instances.add(i);
        } else if (item instanceof Item.Module m) {
            coreModules.add(m.module());
        }
    }
}
