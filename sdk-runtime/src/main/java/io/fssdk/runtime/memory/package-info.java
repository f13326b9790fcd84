/**
 * The in-memory state backend: {@link io.fssdk.runtime.memory.InMemoryStateBackend}, a skip list per store
 * with O(1) snapshot scans and in-memory checkpoints. It is the test kit's default and the reference the
 * store conformance suite is written against.
 */
package io.fssdk.runtime.memory;
