package io.fssdk.runtime.component.binary;

import java.util.Objects;
import java.util.Optional;

/**
 * A parsed import or export name, {@code externname} in
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Explainer.md#import-and-export-definitions">
 * Explainer.md, Import and Export Definitions</a>: a plain name, optionally annotated as a resource's
 * constructor, method or static function, or an interface name such as {@code wasi:io/streams@0.2.0}.
 * {@link #text()} (and {@code toString()}) give back the exact string.
 *
 * <p>Names such as {@code [resource-drop]store} are not extern names: {@code wit-component} uses them only as
 * core import names, which stay plain strings.
 */
public sealed interface ExternName {

    /** The name exactly as written in the binary. */
    String text();

    /**
     * Parses {@code text} per the {@code externname} grammar.
     *
     * @throws IllegalArgumentException saying why {@code text} is not an extern name (or uses a
     *     feature this engine does not support)
     */
    static ExternName parse(String text) {
        return ExternNameParser.parse(text);
    }

    /**
     * A bare {@code label}, e.g. {@code run} or {@code get-JSON}.
     *
     * @param label the label
     */
    record Plain(String label) implements ExternName {
        /** Checks the label is present. */
        public Plain {
            Objects.requireNonNull(label, "label");
        }

        @Override
        public String text() {
            return label;
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /**
     * {@code [constructor]r}: the constructor of resource {@code r}.
     *
     * @param resource the resource's label
     */
    record Constructor(String resource) implements ExternName {
        /** Checks the resource is present. */
        public Constructor {
            Objects.requireNonNull(resource, "resource");
        }

        @Override
        public String text() {
            return "[constructor]" + resource;
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /**
     * {@code [method]r.m}: method {@code m} of resource {@code r}; its first parameter is
     * {@code self: borrow<r>}.
     *
     * @param resource the resource's label
     * @param method the method's label
     */
    record Method(String resource, String method) implements ExternName {
        /** Checks the parts are present. */
        public Method {
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(method, "method");
        }

        @Override
        public String text() {
            return "[method]" + resource + "." + method;
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /**
     * {@code [static]r.f}: static function {@code f} of resource {@code r}.
     *
     * @param resource the resource's label
     * @param function the function's label
     */
    record Static(String resource, String function) implements ExternName {
        /** Checks the parts are present. */
        public Static {
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(function, "function");
        }

        @Override
        public String text() {
            return "[static]" + resource + "." + function;
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /**
     * {@code ns:pkg/iface@version}: a WIT interface. The version is a full semver such as
     * {@code 0.2.0} or {@code 1.0.0-rc.1+b}, or (🔗) a canonical version such as {@code 0.2}.
     *
     * @param namespace the namespace, e.g. {@code wasi}
     * @param packageName the package, e.g. {@code io}
     * @param interfaceName the interface, e.g. {@code streams}
     * @param version the version without the {@code @}, if any
     */
    record Interface(String namespace, String packageName, String interfaceName, Optional<String> version)
            implements ExternName {
        /** Checks the parts are present. */
        public Interface {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(packageName, "packageName");
            Objects.requireNonNull(interfaceName, "interfaceName");
            Objects.requireNonNull(version, "version");
        }

        /** The name without its version, e.g. {@code wasi:io/streams}. */
        public String unversioned() {
            return namespace + ":" + packageName + "/" + interfaceName;
        }

        @Override
        public String text() {
            return version.map(v -> unversioned() + "@" + v).orElseGet(this::unversioned);
        }

        @Override
        public String toString() {
            return text();
        }
    }
}
