package io.fssdk.runtime.component.link;

import io.fssdk.runtime.component.binary.ParsedComponent;
import io.fssdk.runtime.component.binary.Sort;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A component-level item: what a component-level index space, import or export holds. */
sealed interface Item {
    /** The item's sort. */
    Sort sort();

    /** A component function. */
    record Func(ComponentFunc func) implements Item {
        public Func {
            Objects.requireNonNull(func, "func");
        }

        @Override
        public Sort sort() {
            return Sort.FUNC;
        }
    }

    /** A type. */
    record Type(TypeEntry type) implements Item {
        public Type {
            Objects.requireNonNull(type, "type");
        }

        @Override
        public Sort sort() {
            return Sort.TYPE;
        }
    }

    /** A component instance: named exports. */
    record Instance(Map<String, Item> exports) implements Item {
        public Instance {
            exports = Collections.unmodifiableMap(new LinkedHashMap<>(exports));
        }

        @Override
        public Sort sort() {
            return Sort.INSTANCE;
        }
    }

    /** A component definition, with the scope it was defined in (for its outer aliases). */
    record Component(ParsedComponent component, Scope definingScope) implements Item {
        public Component {
            Objects.requireNonNull(component, "component");
        }

        @Override
        public Sort sort() {
            return Sort.COMPONENT;
        }
    }

    /** A core module. */
    record Module(CompiledModule module) implements Item {
        public Module {
            Objects.requireNonNull(module, "module");
        }

        @Override
        public Sort sort() {
            return Sort.CORE_MODULE;
        }
    }
}
