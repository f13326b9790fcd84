/**
 * Test support that ships in {@code sdk-runtime}'s test-jar, for this project's backend modules and for
 * third-party ones.
 *
 * <p><b>Checking a new state backend.</b> Depend on the test-jar
 * ({@code io.fssdk:sdk-runtime:<version>:test-jar}, scope {@code test}) with JUnit 5, then subclass:
 * <ul>
 *   <li>{@link io.fssdk.runtime.testing.StoreConformanceTest} and implement {@code newBackend(Path)}: the
 *   store semantics every {@link io.fssdk.api.spi.StateBackend} must have (key spaces, unsigned order,
 *   list ranges, streaming scans from a snapshot, merge, prefix deletes, store names, copies,
 *   closing);</li>
 *   <li>{@link io.fssdk.runtime.testing.CheckpointConformanceTest} too, if the backend is a
 *   {@link io.fssdk.api.spi.CheckpointingStateBackend};</li>
 *   <li>{@link io.fssdk.runtime.testing.TypedStateConformanceTest} and
 *   {@link io.fssdk.runtime.testing.TtlConformanceTest}: typed state ({@code io.fssdk.api.state}) and its TTL
 *   on the backend, and {@link io.fssdk.runtime.testing.TimerConformanceTest} (a checkpointing backend):
 *   timers, including across a checkpoint and restore;</li>
 *   <li>{@link io.fssdk.runtime.testing.NamespaceConformanceTest} (a checkpointing backend shared by several
 *   runners): store namespaces, shared stores and the migration of bare-named stores, including the hostile
 *   component {@code intruder.wasm}; the backend must implement
 *   {@link io.fssdk.api.spi.StateBackend#openMigrating}.</li>
 * </ul>
 * A backend that passes behaves like the in-memory and RocksDB backends, which run the same classes.
 */
package io.fssdk.runtime.testing;
