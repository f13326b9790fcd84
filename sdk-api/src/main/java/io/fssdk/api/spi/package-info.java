/**
 * Helpers for implementers of {@link io.fssdk.api.StateBackend}: the storage encoding that every
 * backend shares, so that all of them order and separate keys identically.
 */
package io.fssdk.api.spi;
