/**
 * <a href="https://github.com/WebAssembly/wasi-random/tree/v0.2.0/wit">{@code wasi:random}</a>: secure
 * and insecure random bytes and the insecure seed, all drawn from one injectable
 * {@link io.fssdk.runtime.wasi.WasiRandomSource}.
 */
package io.fssdk.runtime.wasi.random;
