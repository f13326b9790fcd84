/** A RocksDB {@link io.fssdk.api.StateBackend}: one column family per store, durable checkpoints. */
module io.fssdk.store.rocksdb {
    requires transitive io.fssdk.api;
    requires rocksdbjni;

    exports io.fssdk.store.rocksdb;
}
