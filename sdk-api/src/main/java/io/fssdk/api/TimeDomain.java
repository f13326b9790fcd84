package io.fssdk.api;

/** Which clock a timer follows. */
public enum TimeDomain {
    /**
     * Event time: the timer fires when a watermark at or past its timestamp reaches the operator, before
     * the operator's {@link Driver#processWatermark} sees that watermark.
     */
    EVENT_TIME,
    /**
     * Processing time: the timer fires when the embedder's clock reaches its timestamp and the embedder
     * asks the runner to fire due timers (the test kit's clock is advanced by the test).
     */
    PROCESSING_TIME
}
