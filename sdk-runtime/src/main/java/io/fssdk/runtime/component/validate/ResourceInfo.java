package io.fssdk.runtime.component.validate;

/**
 * A resource type, compared by identity like the spec's generative resource types (Explainer.md,
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Explainer.md#type-checking">Type
 * Checking</a>). Validation only needs to know where a resource comes from: {@code canon resource.new} and
 * {@code resource.rep} are allowed on resources the current component defines, and nothing else.
 */
final class ResourceInfo implements TypeInfo {
    /** Where a resource type comes from. */
    enum Origin {
        /** A {@code (resource (rep i32))} definition of the owner component. */
        DEFINED,
        /** A {@code (sub resource)} import or export declaration made in the owner scope. */
        ABSTRACT,
        /**
         * Only known at instantiation: an abstract resource of an instantiated component that no argument
         * was statically traced to. It may well be one of the current component's own resources, so it is
         * never rejected as foreign.
         */
        UNKNOWN
    }

    private final Origin origin;
    private final Scope owner;

    private ResourceInfo(Origin origin, Scope owner) {
        this.origin = origin;
        this.owner = owner;
    }

    /** A resource defined by the component of scope {@code owner}. */
    static ResourceInfo defined(Scope owner) {
        return new ResourceInfo(Origin.DEFINED, owner);
    }

    /** A fresh abstract resource, {@code (sub resource)}, declared in {@code owner}. */
    static ResourceInfo abstractIn(Scope owner) {
        return new ResourceInfo(Origin.ABSTRACT, owner);
    }

    /** A resource whose identity is not statically known. */
    static ResourceInfo unknown() {
        return new ResourceInfo(Origin.UNKNOWN, null);
    }

    /**
     * Whether {@code component} may use {@code resource.new} and {@code resource.rep} on this resource:
     * it defines it, or it cannot be told statically.
     */
    boolean mayBeLocalTo(Scope component) {
        return origin == Origin.UNKNOWN || (origin == Origin.DEFINED && owner == component);
    }

    /** Whether the identity is only known at instantiation, so that subtyping cannot tell it apart. */
    boolean isUnknown() {
        return origin == Origin.UNKNOWN;
    }

    /**
     * Whether this is a {@code (sub resource)} declared by an instance or component type (not by a
     * component's own import): a placeholder that an export's type ascription binds to the item's resource.
     */
    boolean isAbstractInType() {
        return origin == Origin.ABSTRACT && owner.kind() != Scope.Kind.COMPONENT;
    }

    /** Whether this is an abstract resource declared in {@code world} or in a type nested in it. */
    boolean declaredWithin(Scope world) {
        if (origin != Origin.ABSTRACT) {
            return false;
        }
        for (Scope s = owner; s != null; s = s.parent()) {
            if (s == world) {
                return true;
            }
        }
        return false;
    }

    @Override
    public long size() {
        return 1;
    }

    @Override
    public boolean hasResources() {
        return true;
    }

    @Override
    public String describe() {
        return "a resource type";
    }
}
