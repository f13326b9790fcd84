/**
 * Runs a {@link io.fssdk.api.Driver}: the operator runner, the in-memory state backend and the test kit
 * for operator authors.
 */
package io.fssdk.runtime;
