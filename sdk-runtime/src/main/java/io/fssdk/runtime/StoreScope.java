package io.fssdk.runtime;

import io.fssdk.api.Store;
import io.fssdk.api.spi.StateBackend;
import io.fssdk.api.spi.StoreNames;
import java.util.Set;

/**
 * Where a runner's stores live on its backend: the mapping from the names an operator asks for to backend
 * store identities (see {@link StoreNames}).
 * <ul>
 *   <li>A name the embedder declared shared ({@link OperatorRunner.Builder#sharedStore}) maps to
 *   {@link StoreNames#shared}: every runner that declares it reaches the same store.</li>
 *   <li>Any other name maps to {@link StoreNames#namespaced} in the runner's namespace, so no name an
 *   operator chooses reaches another namespace's store.</li>
 *   <li>On a backend that {@linkplain StateBackend#scopedToOneOperator() belongs to one operator}, names
 *   are used as they are.</li>
 * </ul>
 * When migration is on, a store opened under an identity for the first time gets a copy of the bare-named
 * store the previous release kept it under ({@link StateBackend#openMigrating}). A bare name that itself
 * looks like an identity is never a migration source: otherwise an operator asking for the store
 * {@code "@victim/counter-store"} would get a copy of the victim's live store.
 */
final class StoreScope {
    private final String namespace;
    private final Set<String> shared;
    private final boolean migrate;
    private final boolean bare;

    StoreScope(String namespace, Set<String> shared, boolean migrate, boolean bare) {
        this.namespace = namespace;
        this.shared = Set.copyOf(shared);
        this.migrate = migrate;
        this.bare = bare;
    }

    /** The backend identity of the (normalised) store name {@code name}. */
    String identity(String name) {
        if (bare) {
            return name;
        }
        return shared.contains(name) ? StoreNames.shared(name) : StoreNames.namespaced(namespace, name);
    }

    /** Opens the store the operator calls {@code name} (normalised), whose identity is {@code identity}. */
    Store open(StateBackend backend, String name, String identity) {
        if (bare || !migrate || StoreNames.isIdentity(name)) {
            return backend.openStore(identity);
        }
        return backend.openMigrating(identity, name);
    }
}
