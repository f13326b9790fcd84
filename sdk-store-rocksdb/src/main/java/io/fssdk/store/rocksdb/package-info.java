/**
 * A RocksDB {@link io.fssdk.api.StateBackend}: {@link io.fssdk.store.rocksdb.RocksDBStateBackend}, one
 * column family per store, with durable checkpoints.
 */
package io.fssdk.store.rocksdb;
