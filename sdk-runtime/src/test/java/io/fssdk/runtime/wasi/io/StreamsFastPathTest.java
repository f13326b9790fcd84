package io.fssdk.runtime.wasi.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The raw stream functions write the canonical ABI layout of {@code result<_, stream-error>} and
 * {@code result<list<u8>, stream-error>} themselves: tag at 0; at 4 the list (pointer, length) or the
 * {@code stream-error} tag; at 8 the {@code own<error>} handle. The guest fixtures only reach the
 * {@code ok} case, so the error cases are checked here against a fake frame.
 */
class StreamsFastPathTest {
    private static final int RET = 64;

    private final IoError error = new IoError();
    private final StreamsFastPath fast = new StreamsFastPath(new Streams(error, new Poll()));

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writeCopiesGuestBytesAndReportsOk() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        FakeFrame f = new FakeFrame();
        int self = f.handle(new JavaOutputStream(sink));
        f.memory.put(16, utf8("hello"));
        f.memory.put(RET, (byte) 9);
        FakeFrame call = frame(f, self, 16, 5, RET);
        fast.write(call, true);
        assertEquals("hello", sink.toString(StandardCharsets.UTF_8));
        assertEquals(0, call.memory.get(RET), "ok");
    }

    @Test
    void aClosedOutputStreamIsStreamErrorClosed() {
        FakeFrame f = new FakeFrame();
        int self = f.handle((HostOutputStream) new HostOutputStream() {
            @Override
            public void write(byte[] data) throws IOException {
                throw new EOFException("closed");
            }

            @Override
            public void flush() {
            }
        });
        FakeFrame call = frame(f, self, 16, 1, RET);
        fast.write(call, false);
        assertEquals(1, call.memory.get(RET), "err");
        assertEquals(1, call.memory.get(RET + 4), "stream-error.closed");
    }

    @Test
    void aFailedWriteHandsTheGuestAnErrorResource() {
        IOException boom = new IOException("disk on fire");
        FakeFrame f = new FakeFrame();
        int self = f.handle(new JavaOutputStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw boom;
            }
        }));
        FakeFrame call = frame(f, self, 16, 3, RET);
        fast.write(call, true);
        assertEquals(1, call.memory.get(RET), "err");
        assertEquals(0, call.memory.get(RET + 4), "stream-error.last-operation-failed");
        assertSame(boom, call.handles.get(call.memory.getInt(RET + 8)), "own<error> holds the failure");
    }

    @Test
    void readLowersTheBytesAsAList() {
        FakeFrame f = new FakeFrame();
        int self = f.handle(new JavaInputStream(new ByteArrayInputStream(utf8("abcdef"))));
        FakeFrame call = frame(f, self, 4, RET);
        fast.read(call, true);
        assertEquals(0, call.memory.get(RET), "ok");
        int ptr = call.memory.getInt(RET + 4);
        assertEquals(4, call.memory.getInt(RET + 8));
        assertArrayEquals(utf8("abcd"), call.readBytes(ptr, 4));
        FakeFrame rest = frame(call, self, -1, RET);
        fast.read(rest, false);
        assertEquals(2, rest.memory.getInt(RET + 8), "a u64 of 2^64-1 asks for everything there is");
        FakeFrame end = frame(rest, self, 10, RET);
        fast.read(end, true);
        assertEquals(1, end.memory.get(RET), "err");
        assertEquals(1, end.memory.get(RET + 4), "stream-error.closed at the end");
    }

    /** A frame with these core arguments, sharing {@code from}'s handles and memory. */
    private static FakeFrame frame(FakeFrame from, long... args) {
        FakeFrame f = new FakeFrame(args);
        f.handles.clear();
        f.handles.addAll(from.handles);
        f.memory.put(0, from.memory.array());
        return f;
    }
}
