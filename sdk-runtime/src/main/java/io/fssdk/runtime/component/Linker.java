package io.fssdk.runtime.component;

import io.fssdk.runtime.component.link.HostDefinitions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Satisfies a component's imports with host functions and resources, defined by interface name, and
 * instantiates components. Immutable once built; one linker may instantiate many components on many
 * threads.
 *
 * <pre>{@code
 * ResourceType store = ResourceType.host("store", "functionstream:core/kv");
 * Linker linker = Linker.builder()
 *     .resource("functionstream:core/kv@0.1.0", store)
 *     .function("functionstream:core/collector@0.1.0", "emit", args -> { ...; return Optional.empty(); })
 *     .build();
 * ComponentInstance instance = linker.instantiate(component);
 * }</pre>
 *
 * <p><b>Names.</b> Interface names carry their version ({@code wasi:io/streams@0.2.12}). A guest import
 * is satisfied by the exact name, else by the highest semver-compatible host version: {@code @0.2.0} by
 * {@code @0.2.12}, never by {@code @0.3.0}. Functions of a component's top level (plain-named imports)
 * are defined under the interface name {@code ""}. Member names are as the guest imports them:
 * {@code [constructor]store}, {@code [method]store.get-state}, {@code [static]r.f}.
 *
 * <p><b>Partial interfaces.</b> A component imports only the functions it uses, so only those must be
 * defined. An import nobody defined is a {@link LinkException} at instantiation, unless
 * {@link Builder#stubUnknownImports(boolean)} turns it into a function that traps when called.
 */
public final class Linker {
    private final HostDefinitions definitions;

    private Linker(HostDefinitions definitions) {
        this.definitions = definitions;
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Instantiates a component: resolves its imports, instantiates its core modules and runs their start
     * functions (which may run guest code).
     *
     * @throws LinkException when an import cannot be satisfied, naming it and what was expected
     * @throws TrapException when a start function traps
     * @throws InvalidException when the component turns out to be invalid while it is instantiated
     */
    public ComponentInstance instantiate(Component component) {
        return new ComponentInstance(component.prepared().instantiate(definitions));
    }

    /** Builds a {@link Linker}. */
    public static final class Builder {
        private final Map<String, Map<String, HostDefinitions.Function>> functions = new LinkedHashMap<>();
        private final Map<String, Map<String, ResourceType>> resources = new LinkedHashMap<>();
        private boolean stubUnknownImports;

        private Builder() {
        }

        /**
         * Defines a host function over values; its type is taken from the import it satisfies, and values
         * are checked against that type at each call.
         */
        public Builder function(String iface, String name, HostFunction function) {
            return put(iface, name, new HostDefinitions.Function(Optional.empty(),
                    Optional.of(Objects.requireNonNull(function, "function")), Optional.empty()));
        }

        /**
         * Defines a host function with a declared type; an import of any other type is a
         * {@link LinkException}.
         */
        public Builder function(String iface, String name, FuncSignature signature, HostFunction function) {
            return put(iface, name, new HostDefinitions.Function(Optional.of(signature),
                    Optional.of(Objects.requireNonNull(function, "function")), Optional.empty()));
        }

        /** Defines a host function on the typed fast path, bound to exactly {@code signature}. */
        public Builder rawFunction(String iface, String name, FuncSignature signature, RawHostFunction function) {
            return put(iface, name, new HostDefinitions.Function(Optional.of(signature), Optional.empty(),
                    Optional.of(Objects.requireNonNull(function, "function"))));
        }

        /**
         * Defines a host resource type under its name in {@code iface}. Its destructor (see
         * {@link ResourceType#host(String, String, java.util.function.Consumer)}) runs when the guest drops
         * its last owned handle.
         */
        public Builder resource(String iface, ResourceType type) {
            Objects.requireNonNull(type, "type");
            if (!type.isHostDefined()) {
                throw new IllegalArgumentException("resource `" + type.name() + "` is not a host resource type");
            }
            Map<String, ResourceType> m = resources.computeIfAbsent(Objects.requireNonNull(iface, "iface"),
                    k -> new LinkedHashMap<>());
            if (m.putIfAbsent(type.name(), type) != null) {
                throw new IllegalArgumentException("resource `" + type.name() + "` of `" + iface + "` is defined twice");
            }
            return this;
        }

        /**
         * Whether imports the host did not define become functions that trap when called (and resources
         * nobody can create), instead of failing instantiation. Off by default.
         */
        public Builder stubUnknownImports(boolean stub) {
            this.stubUnknownImports = stub;
            return this;
        }

        private Builder put(String iface, String name, HostDefinitions.Function f) {
            Objects.requireNonNull(iface, "iface");
            Objects.requireNonNull(name, "name");
            Map<String, HostDefinitions.Function> m = functions.computeIfAbsent(iface, k -> new LinkedHashMap<>());
            if (m.putIfAbsent(name, f) != null) {
                throw new IllegalArgumentException("function `" + name + "` of `" + iface + "` is defined twice");
            }
            return this;
        }

        /** Builds the linker; later changes to this builder do not affect it. */
        public Linker build() {
            Map<String, HostDefinitions.Interface> ifaces = new LinkedHashMap<>();
            java.util.Set<String> names = new java.util.LinkedHashSet<>(functions.keySet());
            names.addAll(resources.keySet());
            for (String n : names) {
                ifaces.put(n, new HostDefinitions.Interface(functions.getOrDefault(n, Map.of()),
                        resources.getOrDefault(n, Map.of())));
            }
            return new Linker(new HostDefinitions(ifaces, stubUnknownImports));
        }
    }
}
