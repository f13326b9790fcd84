package io.fssdk.runtime.wasi.io;

import io.fssdk.runtime.component.FuncSignature;
import io.fssdk.runtime.component.Linker;
import io.fssdk.runtime.component.PrimitiveType;
import io.fssdk.runtime.component.ResourceType;
import io.fssdk.runtime.component.WitType;
import io.fssdk.runtime.component.WitValue;
import java.io.EOFException;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * <a href="https://github.com/WebAssembly/wasi-io/blob/v0.2.0/wit/streams.wit">{@code wasi:io/streams}</a>:
 * the {@code input-stream} and {@code output-stream} resources over {@link HostInputStream} and
 * {@link HostOutputStream}. The four calls that move bulk bytes ({@code read}, {@code blocking-read},
 * {@code write}, {@code blocking-write-and-flush}) are raw host functions, see {@link StreamsFastPath}; the
 * rest go through values. Host streams are synchronous, so the non-blocking and blocking forms differ
 * only where a read may wait for input.
 */
public final class Streams {
    /** The interface name without its version. */
    public static final String INTERFACE = "wasi:io/streams";

    private final IoError error;
    private final Poll poll;
    private final ResourceType input = ResourceType.host("input-stream", INTERFACE,
            rep -> close(() -> ((HostInputStream) rep).close()));
    private final ResourceType output = ResourceType.host("output-stream", INTERFACE,
            rep -> close(() -> ((HostOutputStream) rep).close()));

    /** Creates the interface over the {@code error} and {@code pollable} types it uses. */
    public Streams(IoError error, Poll poll) {
        this.error = error;
        this.poll = poll;
    }

    /** The {@code input-stream} resource type. */
    public ResourceType inputType() {
        return input;
    }

    /** The {@code output-stream} resource type. */
    public ResourceType outputType() {
        return output;
    }

    /** A new owned {@code input-stream} handle. */
    public WitValue own(HostInputStream in) {
        return Values.own(input, in);
    }

    /** A new owned {@code output-stream} handle. */
    public WitValue own(HostOutputStream out) {
        return Values.own(output, out);
    }

    /** {@code variant stream-error { last-operation-failed(error), closed }}. */
    WitType streamErrorType() {
        return WitType.variant(WitType.Case.of("last-operation-failed", new WitType.OwnType(error.type())),
                WitType.Case.of("closed"));
    }

    IoError error() {
        return error;
    }

    /** Defines the interface at {@code version}. */
    public void define(Linker.Builder linker, String version) {
        String iface = INTERFACE + "@" + version;
        linker.resource(iface, input).resource(iface, output);
        new StreamsFastPath(this).define(linker, iface);
        linker.function(iface, "[method]input-stream.skip", args -> skip(args, false));
        linker.function(iface, "[method]input-stream.blocking-skip", args -> skip(args, true));
        linker.function(iface, "[method]input-stream.subscribe",
                args -> Values.result(poll.own(in(args).subscribe())));
        linker.function(iface, "[method]output-stream.check-write",
                args -> attempt(() -> WitValue.u64(out(args).checkWrite())));
        linker.function(iface, "[method]output-stream.flush", args -> attempt(() -> flush(out(args))));
        linker.function(iface, "[method]output-stream.blocking-flush", args -> attempt(() -> flush(out(args))));
        linker.function(iface, "[method]output-stream.subscribe",
                args -> Values.result(poll.own(out(args).subscribe())));
        linker.function(iface, "[method]output-stream.write-zeroes",
                args -> attempt(() -> writeZeroes(out(args), Values.u64(args, 1), false)));
        linker.function(iface, "[method]output-stream.blocking-write-zeroes-and-flush",
                args -> attempt(() -> writeZeroes(out(args), Values.u64(args, 1), true)));
        linker.function(iface, "[method]output-stream.splice", args -> splice(args, false));
        linker.function(iface, "[method]output-stream.blocking-splice", args -> splice(args, true));
    }

    private static HostInputStream in(List<WitValue> args) {
        return Values.rep(args, 0, HostInputStream.class);
    }

    private static HostOutputStream out(List<WitValue> args) {
        return Values.rep(args, 0, HostOutputStream.class);
    }

    private Optional<WitValue> skip(List<WitValue> args, boolean blocking) {
        long max = Values.u64(args, 1);
        return attempt(() -> WitValue.u64(max == 0 ? 0 : in(args).skip(max < 0 ? Long.MAX_VALUE : max, blocking)));
    }

    private Optional<WitValue> splice(List<WitValue> args, boolean blocking) {
        HostOutputStream dst = out(args);
        HostInputStream src = Values.rep(args, 1, HostInputStream.class);
        int max = Values.clampLength(Values.u64(args, 2), HostOutputStream.WRITE_BUDGET);
        return attempt(() -> {
            if (max == 0) {
                return WitValue.u64(0);
            }
            byte[] data = src.read(max, blocking);
            dst.write(data);
            return WitValue.u64(data.length);
        });
    }

    private static WitValue flush(HostOutputStream out) throws IOException {
        out.flush();
        return null;
    }

    private static WitValue writeZeroes(HostOutputStream out, long count, boolean flush) throws IOException {
        long left = count < 0 ? Long.MAX_VALUE : count;
        byte[] zeroes = new byte[(int) Math.min(left, 64 * 1024)];
        while (left > 0) {
            int n = (int) Math.min(left, zeroes.length);
            out.write(n == zeroes.length ? zeroes : new byte[n]);
            left -= n;
        }
        if (flush) {
            out.flush();
        }
        return null;
    }

    /** An operation whose {@link IOException}s become the {@code stream-error} of a {@code result}. */
    @FunctionalInterface
    interface StreamOp {
        /** The {@code ok} payload, or null for none. */
        WitValue run() throws IOException;
    }

    private Optional<WitValue> attempt(StreamOp op) {
        try {
            WitValue v = op.run();
            return Optional.of(v == null ? WitValue.ok() : WitValue.ok(v));
        } catch (EOFException e) {
            return Values.err(WitValue.variant(1));
        } catch (IOException e) {
            return Values.err(WitValue.variant(0, error.own(e)));
        }
    }

    /** The signature of {@code [method]output-stream.write} and {@code blocking-write-and-flush}. */
    FuncSignature writeSignature() {
        return FuncSignature.of(List.of(WitType.field("self", new WitType.BorrowType(output)),
                WitType.field("contents", WitType.list(PrimitiveType.U8))),
                new WitType.ResultType(Optional.empty(), Optional.of(streamErrorType())));
    }

    /** The signature of {@code [method]input-stream.read} and {@code blocking-read}. */
    FuncSignature readSignature() {
        return FuncSignature.of(List.of(WitType.field("self", new WitType.BorrowType(input)),
                WitType.field("len", PrimitiveType.U64)),
                WitType.result(WitType.list(PrimitiveType.U8), streamErrorType()));
    }

    @FunctionalInterface
    private interface Closer {
        void close() throws IOException;
    }

    private static void close(Closer c) {
        try {
            c.close();
        } catch (IOException e) {
            // Best effort: the guest has let go of the stream, and a drop has no way to report a failure.
        }
    }
}
