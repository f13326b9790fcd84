package io.fssdk.runtime.component.link;

import io.fssdk.runtime.component.RawFrame;
import io.fssdk.runtime.component.ResourceType;
import io.fssdk.runtime.component.TrapException;
import io.fssdk.runtime.component.abi.BorrowScope;
import io.fssdk.runtime.component.abi.CanonicalOptions;
import io.fssdk.runtime.component.abi.FastAbi;
import io.fssdk.runtime.component.abi.HandleTable;
import io.fssdk.runtime.component.abi.ResourceTables;

/**
 * The {@link RawFrame} of one lowered import. It is reused across calls (an instance runs one call at a
 * time), so the fast path allocates nothing per call beyond what the host function itself does.
 *
 * <p>The call's arguments are copied into an array of the frame's own rather than the caller's array
 * being kept: storing a new array into this long-lived object costs a GC write barrier with a memory
 * fence on G1, more than copying the few arguments of a host function.
 */
final class RawFrameImpl implements RawFrame {
    private final String path;
    private final CanonicalOptions options;
    private final ResourceTables tables;
    /** The current call's arguments, the first {@link #argCount} of them. */
    private long[] args;
    /** The number of arguments of the current call, or -1 between calls. */
    private int argCount = -1;
    // One scope per frame, reopened per call; opened lazily since most calls borrow nothing.
    private final BorrowScope scope = new BorrowScope();
    private boolean scopeOpen;

    /** A frame for a function of {@code coreParams} core parameters (more grow the array: it is a hint). */
    RawFrameImpl(String path, CanonicalOptions options, ResourceTables tables, int coreParams) {
        this.path = path;
        this.options = options;
        this.tables = tables;
        this.args = new long[coreParams];
    }

    boolean busy() {
        return argCount >= 0;
    }

    void begin(long[] coreArgs) {
        int n = coreArgs.length;
        if (n > args.length) {
            args = new long[n];
        }
        System.arraycopy(coreArgs, 0, args, 0, n);
        argCount = n;
    }

    /** {@link #begin(long[])} for a call whose first {@code n} (at most 6) arguments are these. */
    void begin(int n, long a0, long a1, long a2, long a3, long a4,
            long a5) {
        if (n > args.length) {
            args = new long[n];
        }
        long[] a = args;
        if (n > 0) {
            a[0] = a0;
        }
        if (n > 1) {
            a[1] = a1;
        }
        if (n > 2) {
            a[2] = a2;
        }
        if (n > 3) {
            a[3] = a3;
        }
        if (n > 4) {
            a[4] = a4;
        }
        if (n > 5) {
            a[5] = a5;
        }
        argCount = n;
    }

    void end() {
        argCount = -1;
        if (scopeOpen) {
            scopeOpen = false;
            scope.finish();
        }
    }

    private void live() {
        if (argCount < 0) {
            throw new IllegalStateException("a raw frame is only valid during its call");
        }
    }

    /** Argument {@code index}, failing as an access to an array of exactly the call's arguments would. */
    private long arg(int index) {
        if (index < 0 || index >= argCount) {
            throw new ArrayIndexOutOfBoundsException("Index " + index + " out of bounds for length " + argCount);
        }
        return args[index];
    }

    @Override
    public int argCount() {
        live();
        return argCount;
    }

    @Override
    public int i32(int index) {
        live();
        return (int) arg(index);
    }

    @Override
    public long i64(int index) {
        live();
        return arg(index);
    }

    @Override
    public byte[] readBytes(int ptr, int length) {
        live();
        return FastAbi.liftBytes(options, ptr, length);
    }

    @Override
    public String readString(int ptr, int length) {
        live();
        return FastAbi.liftString(options, ptr, length);
    }

    @Override
    public int writeBytes(byte[] data) {
        live();
        return FastAbi.allocBytes(options, data);
    }

    @Override
    public long writeString(String s) {
        live();
        try {
            return FastAbi.allocString(options, s);
        } catch (IllegalArgumentException e) {
            throw new TrapException(path, e.getMessage());
        }
    }

    @Override
    public int allocate(int align, int size) {
        live();
        return options.allocate(align, Integer.toUnsignedLong(size));
    }

    @Override
    public void checkArea(int ptr, int size, int align) {
        live();
        FastAbi.checkArea(options, ptr, size, align);
    }

    @Override
    public void storeI32(int addr, int value) {
        live();
        options.memory().write32(addr, value);
    }

    @Override
    public void storeI64(int addr, long value) {
        live();
        options.memory().write64(addr, value);
    }

    @Override
    public void storeU8(int addr, int value) {
        live();
        options.memory().write8(addr, (byte) value);
    }

    @Override
    public Object rep(int handle, ResourceType type) {
        live();
        if (!scopeOpen) {
            if (scope.isFinished()) {
                scope.reopen();
            }
            scopeOpen = true;
        }
        return table(type).borrowRep(handle, scope);
    }

    @Override
    public Object takeOwn(int handle, ResourceType type) {
        live();
        return table(type).liftOwn(handle).release();
    }

    @Override
    public int newOwn(ResourceType type, Object rep) {
        live();
        return table(type).lowerOwn(rep);
    }

    private HandleTable table(ResourceType type) {
        return tables.table(type);
    }
}
