/**
 * Supervision of guest components, for any world: one live instance per driver, re-instantiated and
 * re-initialised after a failure ({@link io.fssdk.runtime.guest.GuestSupervisor}); a per-call deadline
 * ({@link io.fssdk.runtime.guest.CallWatchdog}); failures classified into {@code SdkException}s
 * ({@link io.fssdk.runtime.guest.GuestFailures}); host resources an instance holds, closed when it is
 * discarded ({@link io.fssdk.runtime.guest.GuestResources}). A world's binding (the processor world's is
 * {@code io.fssdk.runtime.processor}) implements {@link io.fssdk.runtime.guest.GuestWorld} and
 * {@link io.fssdk.runtime.guest.GuestSession}, and keeps its exports and host functions to itself.
 *
 * <p>Internal: not exported from the module.
 */
package io.fssdk.runtime.guest;
