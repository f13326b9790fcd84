/**
 * A WASI Preview 2 host for the component engine: every interface of
 * <a href="https://github.com/WebAssembly/wasi-cli/blob/v0.2.0/wit/imports.wit">{@code wasi:cli/imports@0.2.0}</a>,
 * served at any 0.2.x version a guest imports.
 *
 * <p>Everything is denied by default: a guest sees no environment variables, arguments, files or network
 * unless {@link io.fssdk.runtime.wasi.WasiOptions} grants them. Clocks and randomness are real unless
 * injected. {@link io.fssdk.runtime.wasi.WasiHost#addTo} wires WASI into any
 * {@link io.fssdk.runtime.component.Linker}; {@link io.fssdk.runtime.wasi.WasiCommand} runs
 * {@code wasi:cli/run} components. The subpackages hold one class per WIT interface, one package per WASI
 * package; they are implementation, not API.
 */
package io.fssdk.runtime.wasi;
