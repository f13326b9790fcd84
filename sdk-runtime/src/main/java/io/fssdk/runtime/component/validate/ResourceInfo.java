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
        ABSTRACT
    }

    private final Origin origin;
    private final Scope owner;
    /** The resource type this names: itself, or what it is an {@linkplain #alias() alias} of. */
    private final ResourceInfo canonical;

    private ResourceInfo(Origin origin, Scope owner, ResourceInfo canonical) {
        this.origin = origin;
        this.owner = owner;
        this.canonical = canonical == null ? this : canonical;
    }

    /** A resource defined by the component of scope {@code owner}. */
    static ResourceInfo defined(Scope owner) {
        return new ResourceInfo(Origin.DEFINED, owner, null);
    }

    /** A fresh abstract resource, {@code (sub resource)}, declared in {@code owner}. */
    static ResourceInfo abstractIn(Scope owner) {
        return new ResourceInfo(Origin.ABSTRACT, owner, null);
    }

    /**
     * Another name for this resource type, as the type index an import or export introduces: the same type
     * to subtyping and substitution, which compare {@link #canonical()}, but a name of its own to external
     * visibility, which compares names by identity (as wasm-tools gives each export of a resource a new alias
     * id of the same resource id).
     */
    ResourceInfo alias() {
        return new ResourceInfo(origin, owner, canonical);
    }

    /** The resource type itself, shared by all its aliases. */
    ResourceInfo canonical() {
        return canonical;
    }

    /** Whether {@code component} may use {@code resource.new} and {@code resource.rep} on this resource. */
    boolean isLocalTo(Scope component) {
        return origin == Origin.DEFINED && owner == component;
    }

    /**
     * Whether this is a {@code (sub resource)} declared by an instance or component type (not by a
     * component's own import): a placeholder that an export's type ascription binds to the item's resource.
     */
    boolean isAbstractInType() {
        return origin == Origin.ABSTRACT && owner.kind() != Scope.Kind.COMPONENT;
    }

    /**
     * A resource of the same origin and owner with an identity of its own: resource types are generative, so
     * each instantiation of a component makes new ones of the resources it defines or declares abstractly.
     */
    ResourceInfo copy() {
        return new ResourceInfo(origin, owner, null);
    }

    /**
     * Whether this resource belongs to {@code world}: defined by it or a component nested in it, or declared
     * abstractly there or in a type nested in it.
     */
    boolean ownedWithin(Scope world) {
        for (Scope s = owner; s != null; s = s.parent()) {
            if (s == world) {
                return true;
            }
        }
        return false;
    }

    /** Whether this is an abstract resource declared in a type nested in {@code scope}, not in it itself. */
    boolean declaredInTypeWithin(Scope scope) {
        return origin == Origin.ABSTRACT && owner != scope && ownedWithin(scope);
    }

    /** Whether this is an abstract resource declared in {@code world} or in a type nested in it. */
    boolean declaredWithin(Scope world) {
        return origin == Origin.ABSTRACT && ownedWithin(world);
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
