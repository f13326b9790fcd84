package io.fssdk.runtime;

/**
 * Where an {@link OperatorRunner} delivers the watermarks its operator emits through
 * {@link io.fssdk.api.Context#emitWatermark(int, long)}.
 *
 * <p>Like {@link OutputSink}, it is called synchronously on the runner's thread, from inside the
 * lifecycle step that emitted.
 */
@FunctionalInterface
public interface WatermarkSink {
    /**
     * Receives one emitted watermark.
     *
     * @param targetId the output index (WIT {@code u32}, bit for bit in an {@code int})
     * @param watermark the watermark (WIT {@code u64}, bit for bit in a {@code long})
     */
    void emitWatermark(int targetId, long watermark);
}
