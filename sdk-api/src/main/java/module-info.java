/**
 * The fssdk-java operator contract: {@link io.fssdk.api.Driver}, {@link io.fssdk.api.Context},
 * {@link io.fssdk.api.Store} and the state-backend SPI ({@link io.fssdk.api.spi}). It has no dependencies.
 */
module io.fssdk.api {
    exports io.fssdk.api;
    exports io.fssdk.api.spi;
}
