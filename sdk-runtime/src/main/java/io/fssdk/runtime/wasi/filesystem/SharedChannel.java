package io.fssdk.runtime.wasi.filesystem;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * An open file shared by a descriptor and the streams made from it. WASI lets a guest drop the
 * descriptor before its streams, so the file closes when the last of them lets go.
 */
final class SharedChannel {
    private final FileChannel channel;
    private int refs = 1;

    SharedChannel(FileChannel channel) {
        this.channel = channel;
    }

    FileChannel channel() {
        return channel;
    }

    synchronized SharedChannel retain() {
        if (refs == 0) {
            throw new IllegalStateException("file already closed");
        }
        refs++;
        return this;
    }

    synchronized void release() throws IOException {
        if (refs > 0 && --refs == 0) {
            channel.close();
        }
    }
}
