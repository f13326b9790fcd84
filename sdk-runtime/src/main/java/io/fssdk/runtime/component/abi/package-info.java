/**
 * The canonical ABI, internal to the engine: compiled layouts ({@link io.fssdk.runtime.component.abi.AbiType}),
 * guest memory access, lifting and lowering of every WIT type through flat core values and linear memory,
 * whole-call entry points ({@link io.fssdk.runtime.component.abi.CanonicalAbi}), typed fast paths
 * ({@link io.fssdk.runtime.component.abi.FastAbi}) and per-instance resource handle tables.
 *
 * <p>Flat core values are carried in a {@code long[]} as Chicory does: an {@code i32} or {@code f32} in the
 * low 32 bits (written zero-extended, read by truncation), an {@code i64} or {@code f64} in all 64 bits.
 * Because reads truncate and writes zero-extend, the spec's variant {@code join} coercions (i32/f32 into
 * i64, f32 into i32) need no code.
 *
 * <p>Traps raised below the function level (memory bounds, handle tables) carry an empty function name;
 * {@link io.fssdk.runtime.component.abi.CanonicalAbi}'s entry points re-raise them with the function's name.
 *
 * @see <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md">CanonicalABI.md</a>
 */
package io.fssdk.runtime.component.abi;
