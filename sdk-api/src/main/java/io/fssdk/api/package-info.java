/**
 * The operator contract shared by native Java operators and WebAssembly components.
 *
 * <p>An operator implements {@link io.fssdk.api.Driver}. A runner calls it through one lifecycle:
 * {@code init} once, then {@code process}, {@code processWatermark}, {@code takeCheckpoint},
 * {@code checkHeartbeat}, {@code exec} and {@code custom} in any order, then {@code close} once. Each
 * call receives the {@link io.fssdk.api.Context}, through which the operator emits records and
 * watermarks and opens named {@link io.fssdk.api.Store}s.
 *
 * <p>Unsigned WIT integers map to Java's signed types of the same width: {@code u32} is an {@code int}
 * and {@code u64} a {@code long}, bit for bit. Use {@link java.lang.Integer#toUnsignedLong(int)} and
 * {@link java.lang.Long#toUnsignedString(long)} where the unsigned value matters.
 *
 * <p>Every failure the contract reports is an {@link io.fssdk.api.SdkException} carrying an
 * {@link io.fssdk.api.ErrorCode}.
 */
package io.fssdk.api;
