package io.fssdk.runtime.component.link;

import io.fssdk.runtime.component.FuncSignature;
import io.fssdk.runtime.component.RawCall;
import io.fssdk.runtime.component.TrapException;
import io.fssdk.runtime.component.WitType;
import io.fssdk.runtime.component.WitValue;
import io.fssdk.runtime.component.abi.AbiContext;
import io.fssdk.runtime.component.abi.BorrowScope;
import io.fssdk.runtime.component.abi.CanonicalAbi;
import io.fssdk.runtime.component.abi.FastAbi;
import io.fssdk.runtime.component.abi.FunctionAbi;
import java.util.List;
import java.util.Optional;

/**
 * A component function made by {@code canon lift}: a core function of some instance, called with
 * arguments lowered into that instance's memory and results lifted out of it
 * (CanonicalABI.md, "canon lift"). Its {@link FunctionAbi} is compiled once, here.
 */
final class LiftedFunc implements ComponentFunc {
    private static final long[] NO_VALUES = new long[0];

    private final String path;
    private final FuncSignature signature;
    private final FunctionAbi abi;
    private final CoreInvoker core;
    private final GuestOptions options;
    private final InstanceState state;
    private final FastCall fast = new FastCall();

    LiftedFunc(String path, FuncSignature signature, CoreInvoker core, GuestOptions options, InstanceState state) {
        this(path, signature, FunctionAbi.of(signature.paramTypes(),
                signature.result().map(List::of).orElse(List.<WitType>of())), core, options, state);
    }

    private LiftedFunc(String path, FuncSignature signature, FunctionAbi abi, CoreInvoker core,
            GuestOptions options, InstanceState state) {
        this.path = path;
        this.signature = signature;
        this.abi = abi;
        this.core = core;
        this.options = options;
        this.state = state;
    }

    /** The same function under the name it is exported as, for messages. */
    LiftedFunc renamed(String newPath) {
        return new LiftedFunc(newPath, signature, abi, core, options, state);
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public FuncSignature signature() {
        return signature;
    }

    FunctionAbi abi() {
        return abi;
    }

    /** The component instance whose core function this lifts. */
    InstanceState state() {
        return state;
    }

    @Override
    public Optional<WitValue> invoke(List<WitValue> args) {
        state.enter(path);
        try {
            AbiContext cx = new AbiContext(path, options.abi(), state.tables, new BorrowScope());
            long[] coreArgs = CanonicalAbi.lowerParams(abi, cx, args);
            long[] coreResults = core.call(coreArgs);
            List<WitValue> results = CanonicalAbi.liftResults(abi, cx, coreResults);
            postReturn(coreResults);
            return results.isEmpty() ? Optional.empty() : Optional.of(results.get(0));
        } catch (RuntimeException | StackOverflowError e) {
            throw fail(e);
        } finally {
            state.leave();
        }
    }

    /** Starts a fast-path call; the returned object is reused by every call of this function. */
    RawCall rawCall() {
        state.enter(path);
        fast.reset();
        return fast;
    }

    private void postReturn(long[] coreResults) {
        if (options.postReturn().isPresent()) {
            // Chicory answers null for a function without results; its interpreter cannot take null
            // arguments back (NullPointerException in StackFrame), so a no-result post-return gets none.
            state.callRestricted(options.postReturn().get(), coreResults != null ? coreResults : NO_VALUES);
        }
    }

    private RuntimeException fail(Throwable e) {
        TrapException trap = Traps.of(path, e);
        if (trap == null) {
            if (e instanceof RuntimeException re) {
                return re;
            }
            throw (Error) e;
        }
        state.root.poison(trap.getMessage());
        return trap;
    }

    /**
     * The fast path: one mutable call object per function, since an instance runs one call at a time. Whether
     * the core function was called is a flag, and the results are kept only when there are some: storing a
     * new array into this long-lived object costs a GC write barrier with a memory fence on G1, and most
     * per-record exports ({@code fs-process}) return nothing.
     */
    private final class FastCall implements RawCall {
        /** Whether the core function returned. */
        private boolean invoked;
        /** Its results when it returned some; null otherwise. */
        private long[] results;

        void reset() {
            invoked = false;
            if (results != null) {
                results = null;
            }
        }

        @Override
        public int writeBytes(byte[] data) {
            try {
                return FastAbi.allocBytes(options.abi(), data);
            } catch (RuntimeException | StackOverflowError e) {
                throw fail(e);
            }
        }

        @Override
        public int allocate(int align, int size) {
            try {
                return options.abi().allocate(align, Integer.toUnsignedLong(size));
            } catch (RuntimeException | StackOverflowError e) {
                throw fail(e);
            }
        }

        @Override
        public void storeI32(int addr, int value) {
            try {
                options.abi().memory().write32(addr, value);
            } catch (RuntimeException e) {
                throw fail(e);
            }
        }

        @Override
        public long writeString(String s) {
            try {
                return FastAbi.allocString(options.abi(), s);
            } catch (RuntimeException | StackOverflowError e) {
                throw fail(e);
            }
        }

        @Override
        public long[] invoke(long... coreArgs) {
            if (invoked) {
                throw new IllegalStateException("a raw call invokes its core function once");
            }
            try {
                long[] r = core.call(coreArgs);
                invoked = true;
                if (r.length != 0) {
                    results = r;
                }
                return r;
            } catch (RuntimeException | StackOverflowError e) {
                throw fail(e);
            }
        }

        @Override
        public byte[] readBytes(int ptr, int length) {
            try {
                return FastAbi.liftBytes(options.abi(), ptr, length);
            } catch (RuntimeException e) {
                throw fail(e);
            }
        }

        @Override
        public void checkArea(int ptr, int size, int align) {
            try {
                FastAbi.checkArea(options.abi(), ptr, size, align);
            } catch (RuntimeException e) {
                throw fail(e);
            }
        }

        @Override
        public int loadI32(int addr) {
            try {
                return options.abi().memory().read32(addr);
            } catch (RuntimeException e) {
                throw fail(e);
            }
        }

        @Override
        public int loadU8(int addr) {
            try {
                return options.abi().memory().read8(addr) & 0xFF;
            } catch (RuntimeException e) {
                throw fail(e);
            }
        }

        @Override
        public void close() {
            try {
                if (invoked && !state.root.isPoisoned()) {
                    postReturn(results != null ? results : NO_VALUES);
                }
            } catch (RuntimeException | StackOverflowError e) {
                throw fail(e);
            } finally {
                reset();
                state.leave();
            }
        }
    }
}
