package io.fssdk.runtime;

/**
 * Where an {@link OperatorRunner} delivers the records its operator emits through
 * {@link io.fssdk.api.Context#emit(int, byte[])}.
 *
 * <p>The sink is called synchronously, on the runner's thread, from inside whichever lifecycle step the
 * operator emitted in ({@code process}, {@code processWatermark}, {@code close} …). A sink that throws
 * fails that step: the exception reaches the operator first, and the runner reports it like any other
 * failure of the step.
 */
@FunctionalInterface
public interface OutputSink {
    /**
     * Receives one emitted record.
     *
     * @param targetId the output index (WIT {@code u32}, bit for bit in an {@code int})
     * @param data a fresh copy of the operator's bytes; the sink owns it and may keep it
     */
    void emit(int targetId, byte[] data);
}
