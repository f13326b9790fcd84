package io.fssdk.runtime.processor;

import io.fssdk.runtime.component.RawFrame;

/**
 * Writes kv results into the return area a guest passes as the last argument of a lowered import
 * (CanonicalABI.md, "flattening": a result of more than one flat value goes through memory). Every kv
 * result is a {@code result<T, error>} of alignment 4: the tag byte at offset 0 (0 ok, 1 err) and the
 * payload at offset 4. The {@code error} variant puts its case byte at 4 and its string's
 * (pointer, length) at 8 and 12; {@code option<list<u8>>} puts its tag byte at 4 and the list at 8.
 * These are the layouts {@code examples/guests/c/fs_abi.h} reads.
 */
final class ReturnArea {
    /** The size of every kv return area but {@code next}'s: tag, case or option tag, and a (pointer, length). */
    static final int SIZE = 16;
    /** The size of {@code next}'s return area, whose payload is a (key, value) pair of lists. */
    static final int ENTRY_SIZE = 24;
    /** The alignment of every kv result. */
    static final int ALIGN = 4;

    private ReturnArea() {
    }

    /** {@code ok} with no payload ({@code result<_, error>}). */
    static void ok(RawFrame f, int ret) {
        f.storeU8(ret, 0);
    }

    /** {@code err(e)}, mapped by {@link StoreErrors}. The message is allocated in the guest, which frees it. */
    static void err(RawFrame f, int ret, RuntimeException e) {
        int c = StoreErrors.caseOf(e);
        if (c != StoreErrors.NOT_FOUND) {
            long s = f.writeString(StoreErrors.messageOf(e));
            f.storeI32(ret + 8, (int) s);
            f.storeI32(ret + 12, (int) (s >>> 32));
        }
        f.storeU8(ret, 1);
        f.storeU8(ret + 4, c);
    }

    /** {@code ok(none)} or {@code ok(some(bytes))} of {@code result<option<list<u8>>, error>}. */
    static void okOptionalBytes(RawFrame f, int ret, byte[] value) {
        if (value == null) {
            f.storeU8(ret + 4, 0);
        } else {
            bytesAt(f, ret + 8, value);
            f.storeU8(ret + 4, 1);
        }
        f.storeU8(ret, 0);
    }

    /** {@code ok(b)} of {@code result<bool, error>}. */
    static void okBool(RawFrame f, int ret, boolean b) {
        f.storeU8(ret + 4, b ? 1 : 0);
        f.storeU8(ret, 0);
    }

    /** {@code ok(handle)} of {@code result<own<iterator>, error>}. */
    static void okHandle(RawFrame f, int ret, int handle) {
        f.storeI32(ret + 4, handle);
        f.storeU8(ret, 0);
    }

    /**
     * {@code ok(some((key, value)))} of {@code result<option<tuple<list<u8>, list<u8>>>, error>}: option
     * tag at 4, the tuple at 8 (key at 8, value at 16), or {@code ok(none)} when {@code key} is null.
     */
    static void okEntry(RawFrame f, int ret, byte[] key, byte[] value) {
        if (key == null) {
            f.storeU8(ret + 4, 0);
        } else {
            bytesAt(f, ret + 8, key);
            bytesAt(f, ret + 16, value);
            f.storeU8(ret + 4, 1);
        }
        f.storeU8(ret, 0);
    }

    /** Copies {@code b} into guest memory (one bulk copy) and stores its (pointer, length) at {@code addr}. */
    private static void bytesAt(RawFrame f, int addr, byte[] b) {
        int p = f.writeBytes(b);
        f.storeI32(addr, p);
        f.storeI32(addr + 4, b.length);
    }
}
