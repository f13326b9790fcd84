package io.fssdk.runtime;

/**
 * One watermark an operator emitted, as captured by {@link OperatorTestKit}.
 *
 * @param targetId the output index the watermark went to (WIT {@code u32})
 * @param watermark the watermark (WIT {@code u64}, bit for bit)
 */
public record EmittedWatermark(int targetId, long watermark) {
}
