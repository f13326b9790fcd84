package io.fssdk.runtime.component;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The host's side of a resource handle: a {@link ResourceType} plus the resource's representation. A
 * guest never sees this object; it sees an {@code i32} index into its own handle table, one table per
 * resource type.
 *
 * <ul>
 *   <li>For a <b>host-defined</b> type the representation is the host's Java object; read it with
 *       {@link #rep(Class)}.</li>
 *   <li>For a <b>guest-defined</b> type it is an opaque token (the guest's {@code i32}, boxed) that the
 *       host can only pass back to a guest or {@link #drop()}.</li>
 * </ul>
 *
 * <p>An <em>owning</em> handle is live until it is dropped, released, or lowered into a guest as an
 * {@code own} value (ownership then moves to the guest's table, and this object is dead). Lifting an
 * {@code own} out of a guest yields a fresh live handle. A <em>borrowed</em> handle is a view lent for
 * the duration of one call; it can be read and lent on, but not dropped or transferred. Handles are
 * compared by identity.
 *
 * @see <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#resource-state">
 *     CanonicalABI.md: resource state</a>
 */
public final class ResourceHandle {
    private final ResourceType type;
    private final Object rep;
    private final boolean owned;
    private final AtomicBoolean live = new AtomicBoolean(true);

    private ResourceHandle(ResourceType type, Object rep, boolean owned) {
        this.type = Objects.requireNonNull(type, "type");
        this.rep = Objects.requireNonNull(rep, "rep");
        this.owned = owned;
        if (!type.isHostDefined() && !(rep instanceof Integer)) {
            throw new IllegalArgumentException("a guest-defined resource's representation is an Integer");
        }
    }

    /**
     * An owning handle, as a host function returns for {@code own<R>} (e.g. a {@code [constructor]}).
     *
     * @param type the resource type
     * @param rep the representation: any object for a host type, an {@link Integer} for a guest type
     */
    public static ResourceHandle own(ResourceType type, Object rep) {
        return new ResourceHandle(type, rep, true);
    }

    /**
     * A borrowed view, as the engine passes to a host function for {@code borrow<R>}, or as a host lends
     * a resource it does not own.
     *
     * @param type the resource type
     * @param rep the representation
     */
    public static ResourceHandle borrow(ResourceType type, Object rep) {
        return new ResourceHandle(type, rep, false);
    }

    /** The resource type. */
    public ResourceType type() {
        return type;
    }

    /** Whether this handle owns the resource ({@code own}) or is a borrowed view ({@code borrow}). */
    public boolean isOwned() {
        return owned;
    }

    /** Whether this handle can still be used: always for a borrowed view; for an owning one, until it is
     * dropped, released or moved into a guest. */
    public boolean isLive() {
        return live.get();
    }

    /**
     * The representation.
     *
     * @throws IllegalStateException if this owning handle was dropped, released or moved into a guest
     */
    public Object rep() {
        requireLive();
        return rep;
    }

    /**
     * The representation of a host-defined resource, cast to its Java class.
     *
     * @param cls the expected class
     * @throws IllegalStateException if the type is guest-defined, or the handle is dead
     * @throws ClassCastException if the representation is not a {@code cls}
     */
    public <T> T rep(Class<T> cls) {
        if (!type.isHostDefined()) {
            throw new IllegalStateException("resource `" + type.name() + "` is guest-defined; its representation is opaque");
        }
        return cls.cast(rep());
    }

    /**
     * Drops an owning handle: runs the type's destructor (for a guest-defined type, the guest's
     * {@code dtor}) exactly once.
     *
     * @throws IllegalStateException if the handle is borrowed, or was already dropped, released or moved
     */
    public void drop() {
        type.destroyFromHost(release());
    }

    /**
     * Gives up ownership without running the destructor and returns the representation. The engine calls
     * this when it moves the handle into a guest's table.
     *
     * @throws IllegalStateException if the handle is borrowed, or was already dropped, released or moved
     */
    public Object release() {
        if (!owned) {
            throw new IllegalStateException("a borrowed handle to `" + type.name() + "` cannot be dropped or transferred");
        }
        if (!live.compareAndSet(true, false)) {
            throw new IllegalStateException("handle to `" + type.name() + "` was already dropped or transferred");
        }
        return rep;
    }

    private void requireLive() {
        if (!live.get()) {
            throw new IllegalStateException("handle to `" + type.name() + "` was already dropped or transferred");
        }
    }

    @Override
    public String toString() {
        return (owned ? "own<" : "borrow<") + type.name() + ">" + (live.get() ? "" : " (dead)");
    }
}
