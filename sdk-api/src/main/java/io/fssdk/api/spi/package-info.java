/**
 * The service-provider interface for state backends: {@link io.fssdk.api.spi.StateBackend} (opening
 * stores), and two optional capabilities: {@link io.fssdk.api.spi.CheckpointingStateBackend} (durable,
 * atomic checkpoints with the embedder's metadata, retention, crash-safe restore) and
 * {@link io.fssdk.api.spi.TransactionalStateBackend} (applying one driver call's
 * {@link io.fssdk.api.spi.WriteBatch} atomically). Also the helpers every backend shares so that all of
 * them order, separate and name keys identically ({@link io.fssdk.api.spi.KeyCodec},
 * {@link io.fssdk.api.spi.StoreNames}).
 */
package io.fssdk.api.spi;
