package io.fssdk.runtime.component.link;

import io.fssdk.runtime.component.FuncSignature;
import io.fssdk.runtime.component.HostFunction;
import io.fssdk.runtime.component.RawHostFunction;
import io.fssdk.runtime.component.ResourceType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the host defined, by interface name ("" for the component's top level) and member name: the data
 * behind a {@code Linker}. Immutable once built.
 */
public final class HostDefinitions {
    /** A host function: over values (optionally with a declared signature), or raw with a fixed one. */
    public record Function(Optional<FuncSignature> declared, Optional<HostFunction> dynamic,
            Optional<RawHostFunction> raw) {
        /** Checks that exactly one implementation is present, and raw ones have a signature. */
        public Function {
            Objects.requireNonNull(declared, "declared");
            if (dynamic.isPresent() == raw.isPresent()) {
                throw new IllegalArgumentException("exactly one of dynamic and raw must be given");
            }
            if (raw.isPresent() && declared.isEmpty()) {
                throw new IllegalArgumentException("a raw host function needs its signature");
            }
        }
    }

    /** The definitions of one interface. */
    public record Interface(Map<String, Function> functions, Map<String, ResourceType> resources) {
        /** Copies the maps. */
        public Interface {
            functions = Map.copyOf(functions);
            resources = Map.copyOf(resources);
        }
    }

    private final Map<String, Interface> interfaces;
    private final boolean stubUnknownImports;

    /**
     * Creates the definitions.
     *
     * @param interfaces by interface name as the host spelled it (with its version)
     * @param stubUnknownImports whether imports nobody defined become trap-on-call stubs
     */
    public HostDefinitions(Map<String, Interface> interfaces, boolean stubUnknownImports) {
        this.interfaces = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(interfaces));
        this.stubUnknownImports = stubUnknownImports;
    }

    /** Whether imports nobody defined become trap-on-call stubs. */
    public boolean stubUnknownImports() {
        return stubUnknownImports;
    }

    /**
     * The host interface satisfying an import of {@code importName}: an exact match, else the highest
     * semver-compatible version (see {@link VersionedName}).
     */
    public Optional<Map.Entry<String, Interface>> find(String importName) {
        Interface exact = interfaces.get(importName);
        if (exact != null) {
            return Optional.of(Map.entry(importName, exact));
        }
        VersionedName wanted = VersionedName.parse(importName);
        Map.Entry<String, Interface> best = null;
        Version bestVersion = null;
        for (Map.Entry<String, Interface> e : interfaces.entrySet()) {
            VersionedName host = VersionedName.parse(e.getKey());
            if (wanted.compatibleWith(host)) {
                Version v = host.version().orElse(null);
                if (best == null || (v != null && bestVersion != null && v.compareTo(bestVersion) > 0)) {
                    best = e;
                    bestVersion = v;
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
