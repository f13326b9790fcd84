/**
 * The fssdk-java operator contract: {@link io.fssdk.api.Driver}, {@link io.fssdk.api.Context},
 * {@link io.fssdk.api.Store} and the {@link io.fssdk.api.StateBackend} SPI. It has no dependencies.
 */
module io.fssdk.api {
    exports io.fssdk.api;
    exports io.fssdk.api.spi;
}
