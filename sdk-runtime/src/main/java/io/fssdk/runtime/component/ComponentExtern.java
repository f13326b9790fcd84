package io.fssdk.runtime.component;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One import or export of a {@link Component}, as {@link Component#imports()} and
 * {@link Component#exports()} describe it, with types resolved. Resources a component imports are shown
 * by name; the host gives them their identity when it links.
 */
public sealed interface ComponentExtern {
    /** The import or export name, e.g. {@code functionstream:core/kv@0.1.0} or {@code fs-process}. */
    String name();

    /** A WIT-like one-line (or, for interfaces, multi-line) rendering. */
    String wit();

    /** A function. */
    record Function(String name, FuncSignature signature) implements ComponentExtern {
        /** Rejects nulls. */
        public Function {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(signature, "signature");
        }

        @Override
        public String wit() {
            return name + ": " + signature.wit() + ";";
        }
    }

    /** An instance (an interface), with its members. */
    record Interface(String name, List<ComponentExtern> members) implements ComponentExtern {
        /** Copies the members. */
        public Interface {
            Objects.requireNonNull(name, "name");
            members = List.copyOf(members);
        }

        @Override
        public String wit() {
            return members.stream().map(m -> "  " + m.wit().replace("\n", "\n  "))
                    .collect(Collectors.joining("\n", name + ": interface {\n", "\n}"));
        }
    }

    /** A resource type. */
    record Resource(String name) implements ComponentExtern {
        /** Rejects nulls. */
        public Resource {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String wit() {
            return "resource " + name + ";";
        }
    }

    /** A named value type. */
    record Type(String name, WitType type) implements ComponentExtern {
        /** Rejects nulls. */
        public Type {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }

        @Override
        public String wit() {
            return "type " + name + " = " + type.wit() + ";";
        }
    }

    /** Anything else: a component or core module, shown by its sort. */
    record Other(String name, String sort) implements ComponentExtern {
        /** Rejects nulls. */
        public Other {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(sort, "sort");
        }

        @Override
        public String wit() {
            return name + ": " + sort + ";";
        }
    }
}
