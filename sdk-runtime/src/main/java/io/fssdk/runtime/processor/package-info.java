/**
 * Function Stream's {@code processor} world as a {@link io.fssdk.api.Driver}: {@link
 * io.fssdk.runtime.processor.WasmDriver} runs a WebAssembly component in the Chicory sandbox, with its kv
 * imports on the runner's stores, per-call deadlines, a memory cap, and restarts after a trap; {@link
 * io.fssdk.runtime.processor.ProcessorConfig} reads Function Stream's function {@code config.yaml}.
 *
 * <p>Built on the public API of {@link io.fssdk.runtime.component} only.
 */
package io.fssdk.runtime.processor;
