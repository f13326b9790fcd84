package io.fssdk.runtime.wasi.io;

/** The pollable of every host stream: ready at once; see {@link HostPollable#alwaysReady()}. */
enum AlwaysReady implements HostPollable {
    /** The only instance. */
    INSTANCE;

    @Override
    public long remainingNanos() {
        return 0;
    }

    @Override
    public void block() {
    }
}
