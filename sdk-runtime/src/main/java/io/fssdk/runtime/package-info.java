/**
 * Runs a {@link io.fssdk.api.Driver}: the operator runner and the test kit for operator authors. The
 * in-memory state backend lives in {@code io.fssdk.runtime.memory}; WebAssembly components run through
 * {@code io.fssdk.runtime.processor}.
 */
package io.fssdk.runtime;
