/**
 * Function Stream's {@code processor} world as a {@link io.fssdk.api.Driver}: {@link
 * io.fssdk.runtime.processor.WasmDriver} runs a WebAssembly component in the Chicory sandbox, with its kv
 * imports on the runner's stores, per-call deadlines, a memory cap, and restarts after a trap; {@link
 * io.fssdk.runtime.processor.ProcessorConfig} reads Function Stream's function {@code config.yaml}.
 *
 * <p>Only what is Function Stream's lives here: the kv and collector hosts, the exports, the config. The
 * instance lifecycle, restarts, deadline and failure classification that any world needs are in the
 * (internal) {@code io.fssdk.runtime.guest} package. Built on the public API of
 * {@link io.fssdk.runtime.component} only.
 */
package io.fssdk.runtime.processor;
