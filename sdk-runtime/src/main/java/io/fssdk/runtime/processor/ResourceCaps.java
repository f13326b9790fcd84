package io.fssdk.runtime.processor;

/**
 * Caps on what one guest instance may hold that its memory cap does not cover: each open scan holds a
 * snapshot in the backend (native memory in RocksDB), each store handle a host object, and each distinct
 * store name a store that persists (a RocksDB column family and its files). An outside test held 300,000
 * scans (2.4 GB RSS) and created 579 column families in a minute before these existed. The defaults are far
 * above what a real operator uses; exceeding one fails the call with {@code LIMIT_EXCEEDED} naming it.
 *
 * @param openIterators open scans per instance
 * @param storeHandles store handles per instance
 * @param storeNames distinct store names per driver, over its whole life
 */
public record ResourceCaps(int openIterators, int storeHandles, int storeNames) {
    /** The defaults: 1,024 scans, 1,024 handles, 64 stores. */
    public static final ResourceCaps DEFAULTS = new ResourceCaps(1024, 1024, 64);

    /** Checks every cap is positive. */
    public ResourceCaps {
        if (openIterators < 1 || storeHandles < 1 || storeNames < 1) {
            throw new IllegalArgumentException("resource caps must be positive: " + openIterators + ", "
                    + storeHandles + ", " + storeNames);
        }
    }
}
