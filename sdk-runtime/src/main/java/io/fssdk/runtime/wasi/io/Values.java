package io.fssdk.runtime.wasi.io;

import io.fssdk.runtime.component.ResourceHandle;
import io.fssdk.runtime.component.ResourceType;
import io.fssdk.runtime.component.WitValue;
import java.util.List;
import java.util.Optional;

/**
 * Small conversions between the engine's {@link WitValue} trees and Java, shared by every WASI interface
 * class so that each reads like its WIT.
 */
public final class Values {
    private Values() {
    }

    /** The host object behind the {@code borrow} (or {@code own}) argument at {@code index}. */
    public static <T> T rep(List<WitValue> args, int index, Class<T> cls) {
        WitValue v = args.get(index);
        ResourceHandle h = v instanceof WitValue.Borrow b ? b.handle() : ((WitValue.Own) v).handle();
        return h.rep(cls);
    }

    /** The {@code u64} argument at {@code index}, bit for bit. */
    public static long u64(List<WitValue> args, int index) {
        return ((WitValue.U64) args.get(index)).value();
    }

    /** The {@code u32} argument at {@code index}, bit for bit. */
    public static int u32(List<WitValue> args, int index) {
        return ((WitValue.U32) args.get(index)).value();
    }

    /** The {@code string} argument at {@code index}. */
    public static String string(List<WitValue> args, int index) {
        return ((WitValue.Str) args.get(index)).value();
    }

    /** The {@code bool} argument at {@code index}. */
    public static boolean bool(List<WitValue> args, int index) {
        return ((WitValue.Bool) args.get(index)).value();
    }

    /** The {@code list<u8>} argument at {@code index}. */
    public static byte[] bytes(List<WitValue> args, int index) {
        return ((WitValue.Bytes) args.get(index)).bytes();
    }

    /** A new owned handle to a host object, as a function returning {@code own<T>} gives it. */
    public static WitValue own(ResourceType type, Object rep) {
        return WitValue.own(ResourceHandle.own(type, rep));
    }

    /** A function result. */
    public static Optional<WitValue> result(WitValue v) {
        return Optional.of(v);
    }

    /** {@code ok} without a payload, as a function result. */
    public static Optional<WitValue> ok() {
        return Optional.of(WitValue.ok());
    }

    /** {@code ok(v)}, as a function result. */
    public static Optional<WitValue> ok(WitValue v) {
        return Optional.of(WitValue.ok(v));
    }

    /** {@code err(v)}, as a function result. */
    public static Optional<WitValue> err(WitValue v) {
        return Optional.of(WitValue.err(v));
    }

    /** A {@code u64} clamped into a Java length: values above {@code max} (or negative as signed) give {@code max}. */
    public static int clampLength(long u64, int max) {
        return u64 < 0 || u64 > max ? max : (int) u64;
    }
}
