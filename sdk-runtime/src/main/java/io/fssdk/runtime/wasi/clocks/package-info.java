/**
 * <a href="https://github.com/WebAssembly/wasi-clocks/tree/v0.2.0/wit">{@code wasi:clocks}</a>: the
 * monotonic clock with its deadline pollables, and the wall clock, both read from an injectable
 * {@link io.fssdk.runtime.wasi.WasiClock}.
 */
package io.fssdk.runtime.wasi.clocks;
