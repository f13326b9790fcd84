package io.fssdk.runtime.wasi.io;

import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.component.RawFrame;
import io.fssdk.runtime.component.ResourceType;
import java.io.EOFException;
import java.io.IOException;

/**
 * The bulk byte calls of {@link Streams} as raw host functions: bytes go straight between guest memory
 * and a Java array, with no value tree. Each writes its {@code result<_, stream-error>} or
 * {@code result<list<u8>, stream-error>} through the return pointer (its last core argument), laid out
 * per the canonical ABI: discriminant byte at 0; at 4 either the list's (pointer, length) or the
 * {@code stream-error} discriminant, whose {@code own<error>} handle is at 8.
 *
 * @see <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#flattening">
 *     CanonicalABI.md: flattening</a>
 */
final class StreamsFastPath {
    /** The most bytes one read returns; larger requests get a short read, which the spec allows. */
    static final int READ_LIMIT = 1 << 20;
    /** The size of both results: a discriminant, then a (pointer, length) or a stream-error and its handle. */
    private static final int RESULT_SIZE = 12;
    /** The alignment of both results. */
    private static final int RESULT_ALIGN = 4;

    private final Streams streams;

    StreamsFastPath(Streams streams) {
        this.streams = streams;
    }

    void define(Linker.Builder linker, String iface) {
        linker.rawFunction(iface, "[method]input-stream.read", streams.readSignature(), f -> read(f, false));
        linker.rawFunction(iface, "[method]input-stream.blocking-read", streams.readSignature(), f -> read(f, true));
        linker.rawFunction(iface, "[method]output-stream.write", streams.writeSignature(), f -> write(f, false));
        linker.rawFunction(iface, "[method]output-stream.blocking-write-and-flush", streams.writeSignature(),
                f -> write(f, true));
    }

    /** Core arguments: (self, len: i64, retptr). */
    long read(RawFrame f, boolean blocking) {
        HostInputStream in = (HostInputStream) f.rep(f.i32(0), streams.inputType());
        int max = Values.clampLength(f.i64(1), READ_LIMIT);
        int ret = f.i32(2);
        f.checkArea(ret, RESULT_SIZE, RESULT_ALIGN); // before the read consumes input the guest cannot receive
        try {
            byte[] data = max == 0 ? new byte[0] : in.read(max, blocking);
            int ptr = f.writeBytes(data);
            f.storeU8(ret, 0);
            f.storeI32(ret + 4, ptr);
            f.storeI32(ret + 8, data.length);
        } catch (IOException e) {
            fail(f, ret, e);
        }
        return 0;
    }

    /** Core arguments: (self, ptr, len, retptr). */
    long write(RawFrame f, boolean flush) {
        HostOutputStream out = (HostOutputStream) f.rep(f.i32(0), streams.outputType());
        byte[] data = f.readBytes(f.i32(1), f.i32(2));
        int ret = f.i32(3);
        f.checkArea(ret, RESULT_SIZE, RESULT_ALIGN); // before the bytes reach the stream: a trapping call writes nothing
        try {
            out.write(data);
            if (flush) {
                out.flush();
            }
            f.storeU8(ret, 0);
        } catch (IOException e) {
            fail(f, ret, e);
        }
        return 0;
    }

    private void fail(RawFrame f, int ret, IOException e) {
        f.storeU8(ret, 1);
        if (e instanceof EOFException) {
            f.storeU8(ret + 4, 1);
        } else {
            ResourceType error = streams.error().type();
            f.storeU8(ret + 4, 0);
            f.storeI32(ret + 8, f.newOwn(error, e));
        }
    }
}
