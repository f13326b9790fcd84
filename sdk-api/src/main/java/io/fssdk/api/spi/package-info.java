/**
 * The service-provider interface for state backends: {@link io.fssdk.api.spi.StateBackend} (opening
 * stores), {@link io.fssdk.api.spi.CheckpointingStateBackend} (durable checkpoints), and the helpers every
 * backend shares so that all of them order, separate and name keys identically ({@link
 * io.fssdk.api.spi.KeyCodec}, {@link io.fssdk.api.spi.StoreNames}).
 */
package io.fssdk.api.spi;
