package io.fssdk.runtime.component;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * A resource type at run time. Like the spec's {@code ResourceType}, it is compared by <em>identity</em>:
 * two instances of one component define two distinct types, and a host type defined twice is two types.
 * {@code equals} and {@code hashCode} are therefore those of {@link Object}.
 *
 * <p>A type is either <em>host-defined</em> (made by the linker; a handle's representation is any Java
 * object) or <em>guest-defined</em> (made by instantiation for a component's {@code (type (resource (rep
 * i32)))}; the representation is the guest's {@code i32}). Its destructor runs when an owning handle is
 * dropped, whether by the guest ({@code resource.drop}) or by the host ({@link ResourceHandle#drop()}).
 *
 * @see <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#resource-state">
 *     CanonicalABI.md: resource state</a>
 */
public final class ResourceType {
    private final String name;
    private final String owner;
    private final boolean hostDefined;
    private final Consumer<Object> destructor;
    // Set once, by the factory, before the type is published.
    private Consumer<Object> hostDestructor;

    private ResourceType(String name, String owner, boolean hostDefined, Consumer<Object> destructor) {
        if (Objects.requireNonNull(name, "name").isEmpty()) {
            throw new IllegalArgumentException("resource name must not be empty");
        }
        this.name = name;
        this.owner = Objects.requireNonNull(owner, "owner");
        this.hostDefined = hostDefined;
        this.destructor = Objects.requireNonNull(destructor, "destructor");
    }

    /**
     * A host-defined resource type without a destructor.
     *
     * @param name the resource's WIT name, e.g. {@code store}
     * @param owner who defines it, e.g. the interface {@code functionstream:core/kv@0.1.0}
     */
    public static ResourceType host(String name, String owner) {
        return new ResourceType(name, owner, true, rep -> { });
    }

    /**
     * A host-defined resource type whose destructor receives the handle's Java representation when an
     * owning handle is dropped (for example to close a store).
     *
     * @param name the resource's WIT name
     * @param owner who defines it
     * @param destructor called once per dropped owning handle, with its representation
     */
    public static ResourceType host(String name, String owner, Consumer<Object> destructor) {
        return new ResourceType(name, owner, true, destructor);
    }

    /**
     * A guest-defined resource type without a destructor. Instantiation creates one per resource type
     * definition per component instance.
     *
     * @param name the resource's name in its component
     * @param owner a description of the defining component instance
     */
    public static ResourceType guest(String name, String owner) {
        return new ResourceType(name, owner, false, rep -> { });
    }

    /**
     * A guest-defined resource type whose destructor is a core function of the defining instance, called
     * with the guest's {@code i32} representation.
     *
     * @param name the resource's name in its component
     * @param owner a description of the defining component instance
     * @param destructor calls the guest's {@code dtor} with the representation
     */
    public static ResourceType guest(String name, String owner, IntConsumer destructor) {
        return guest(name, owner, destructor, destructor);
    }

    /**
     * A guest-defined resource type whose destructor runs differently depending on who drops the last
     * handle: the guest itself (a {@code resource.drop} inside the running instance), or the host
     * ({@link ResourceHandle#drop()}), which must enter the instance as a call would (CanonicalABI.md,
     * "canon resource.drop": the destructor is lifted, so it may not reenter a running or trapped
     * instance).
     *
     * @param name the resource's name in its component
     * @param owner a description of the defining component instance
     * @param fromGuest runs the guest's {@code dtor} from within the instance
     * @param fromHost runs it as a call into the instance from outside
     */
    public static ResourceType guest(String name, String owner, IntConsumer fromGuest, IntConsumer fromHost) {
        Objects.requireNonNull(fromGuest, "fromGuest");
        Objects.requireNonNull(fromHost, "fromHost");
        ResourceType t = new ResourceType(name, owner, false, rep -> fromGuest.accept((Integer) rep));
        t.hostDestructor = rep -> fromHost.accept((Integer) rep);
        return t;
    }

    /** The resource's WIT name, e.g. {@code store}. */
    public String name() {
        return name;
    }

    /** Who defines the type: an interface name for the host, an instance description for a guest. */
    public String owner() {
        return owner;
    }

    /** Whether the host defines the type (representations are Java objects) or a guest does ({@code i32}). */
    public boolean isHostDefined() {
        return hostDefined;
    }

    /**
     * Runs the destructor on a representation. The engine calls it when the guest drops an owning
     * handle; hosts drop through {@link ResourceHandle#drop()} instead, which also guards against a
     * second drop.
     *
     * @param rep the representation: the host's object, or an {@link Integer} for a guest-defined type
     */
    public void destroy(Object rep) {
        destructor.accept(Objects.requireNonNull(rep, "rep"));
    }

    /** Runs the destructor for a drop by the host (see {@link #guest(String, String, IntConsumer, IntConsumer)}). */
    void destroyFromHost(Object rep) {
        Consumer<Object> d = hostDestructor != null ? hostDestructor : destructor;
        d.accept(Objects.requireNonNull(rep, "rep"));
    }

    /** {@code store (functionstream:core/kv@0.1.0)}. */
    @Override
    public String toString() {
        return name + " (" + owner + ")";
    }
}
