/**
 * Typed state on the {@link io.fssdk.api.Store} contract: {@link io.fssdk.api.state.Codec}s, the state
 * types ({@link io.fssdk.api.state.ValueState}, {@link io.fssdk.api.state.ListState},
 * {@link io.fssdk.api.state.MapState}, {@link io.fssdk.api.state.PriorityQueueState},
 * {@link io.fssdk.api.state.AggregatingState}, {@link io.fssdk.api.state.ReducingState}), built by
 * {@link io.fssdk.api.state.States} plain, on a namespace or keyed, optionally with a
 * {@link io.fssdk.api.state.StateTtl}.
 *
 * <p>Everything here is written against {@code Store} alone, so it behaves the same on every backend, on
 * the stores a WebAssembly operator sees, and on Flink through the Flink adapter. It depends on
 * {@code io.fssdk.api} and nothing else.
 *
 * <p><b>Layout.</b> A state named {@code n} keeps its entries under complex keys (keyGroup = UTF-8 of
 * {@code n}, key = the bound or current key (empty for plain state), namespace = the namespace (empty by
 * default), userKey = the map key or priority-queue element, empty for single-valued state). State names
 * may not contain U+0000, which keeps the TTL cleanup index ({@code n} + U+0000 + {@code "ttl"}) apart.
 */
package io.fssdk.api.state;
