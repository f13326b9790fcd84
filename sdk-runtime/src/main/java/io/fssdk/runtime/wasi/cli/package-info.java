/**
 * <a href="https://github.com/WebAssembly/wasi-cli/tree/v0.2.0/wit">{@code wasi:cli}</a>: environment,
 * exit, the three standard streams and the terminal interfaces, one class per interface. Nothing here is
 * a terminal, so every {@code get-terminal-*} answers {@code none}.
 */
package io.fssdk.runtime.wasi.cli;
