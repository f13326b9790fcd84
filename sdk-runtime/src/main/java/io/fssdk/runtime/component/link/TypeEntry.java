package io.fssdk.runtime.component.link;

import io.fssdk.runtime.component.FuncSignature;
import io.fssdk.runtime.component.ResourceType;
import io.fssdk.runtime.component.WitType;
import io.fssdk.runtime.component.binary.ComponentType;
import io.fssdk.runtime.component.binary.InstanceType;
import java.util.Objects;

/**
 * One entry of a resolved component-level type index space. Value and function types are resolved
 * eagerly, as they are defined, into the public {@link WitType} model; instance and component types stay
 * declarations (with the scope they were defined in) until an import or instantiation needs them, since
 * their resource exports only get an identity then.
 */
sealed interface TypeEntry {
    /** A defined value type. */
    record Value(WitType type) implements TypeEntry {
        public Value {
            Objects.requireNonNull(type, "type");
        }
    }

    /** A function type. */
    record Func(FuncSignature signature) implements TypeEntry {
        public Func {
            Objects.requireNonNull(signature, "signature");
        }
    }

    /** A resource type with its identity in this instantiation. */
    record Resource(ResourceType type) implements TypeEntry {
        public Resource {
            Objects.requireNonNull(type, "type");
        }
    }

    /** An instance type, resolved lazily against the scope that defined it. */
    record Instance(InstanceType declaration, TypeScope scope) implements TypeEntry {
        public Instance {
            Objects.requireNonNull(declaration, "declaration");
            Objects.requireNonNull(scope, "scope");
        }
    }

    /** A component type, kept as a declaration. */
    record Component(ComponentType declaration, TypeScope scope) implements TypeEntry {
        public Component {
            Objects.requireNonNull(declaration, "declaration");
            Objects.requireNonNull(scope, "scope");
        }
    }

    /** What the entry is, for messages. */
    default String describe() {
        if (this instanceof Value v) {
            return "value type `" + v.type().wit() + "`";
        } else if (this instanceof Func f) {
            return "function type `" + f.signature().wit() + "`";
        } else if (this instanceof Resource r) {
            return "resource `" + r.type().name() + "`";
        } else if (this instanceof Instance) {
            return "instance type";
        }
        return "component type";
    }
}
