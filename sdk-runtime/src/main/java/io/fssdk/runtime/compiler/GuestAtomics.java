package io.fssdk.runtime.compiler;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.TrapException;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads proposal's memory instructions, called by generated code with the memory's array and the
 * effective address (see {@link AtomicOps}); each method is named after its Chicory {@code OpCode}. No two
 * threads ever run one instance's code at once here (a component instance is single-threaded, and the engine
 * starts no wasm threads), so a plain read-modify-write is already atomic; what the instructions add is the
 * alignment trap, and the semantics of {@code wait} and {@code notify} with no other thread to wake or be
 * woken. Public only for the generated classes; the package is internal.
 */
public final class GuestAtomics {
    private static final int ADD = 0;
    private static final int SUB = 1;
    private static final int AND = 2;
    private static final int OR = 3;
    private static final int XOR = 4;
    private static final int XCHG = 5;

    private GuestAtomics() {
    }

    /** {@code ea}, unless it is not a multiple of the access size: then the trap wasm requires. */
    private static int aligned(int ea, int size) {
        if ((ea & (size - 1)) != 0) {
            throw new TrapException("unaligned atomic");
        }
        return ea;
    }

    /** Reads {@code size} bytes zero-extended; the array access's bounds check is the wasm one. */
    private static long read(byte[] m, int ea, int size) {
        aligned(ea, size);
        switch (size) {
            case 1:
                return m[ea] & 0xFFL;
            case 2:
                return (short) GuestSupport.I16.get(m, ea) & 0xFFFFL;
            case 4:
                return (int) GuestSupport.I32.get(m, ea) & 0xFFFF_FFFFL;
            default:
                return (long) GuestSupport.I64.get(m, ea);
        }
    }

    private static void write(byte[] m, int ea, int size, long v) {
        switch (size) {
            case 1:
                m[ea] = (byte) v;
                break;
            case 2:
                GuestSupport.I16.set(m, ea, (short) v);
                break;
            case 4:
                GuestSupport.I32.set(m, ea, (int) v);
                break;
            default:
                GuestSupport.I64.set(m, ea, v);
                break;
        }
    }

    /** Read, then write: an access out of bounds traps at the read, before anything is written. */
    private static long rmw(byte[] m, int ea, int size, long v, int op) {
        long old = read(m, ea, size);
        long updated;
        switch (op) {
            case ADD:
                updated = old + v;
                break;
            case SUB:
                updated = old - v;
                break;
            case AND:
                updated = old & v;
                break;
            case OR:
                updated = old | v;
                break;
            case XOR:
                updated = old ^ v;
                break;
            default:
                updated = v;
                break;
        }
        write(m, ea, size, updated);
        return old;
    }

    private static long cmpxchg(byte[] m, int ea, int size, long expected, long replacement) {
        long old = read(m, ea, size);
        long mask = size == 8 ? -1L : (1L << (8 * size)) - 1;
        if (old == (expected & mask)) {
            write(m, ea, size, replacement);
        }
        return old;
    }

    // ---- Loads and stores: the narrow loads zero-extend.

    public static int I32_ATOMIC_LOAD(byte[] m, int ea) {
        return (int) read(m, ea, 4);
    }

    public static long I64_ATOMIC_LOAD(byte[] m, int ea) {
        return read(m, ea, 8);
    }

    public static int I32_ATOMIC_LOAD8_U(byte[] m, int ea) {
        return (int) read(m, ea, 1);
    }

    public static int I32_ATOMIC_LOAD16_U(byte[] m, int ea) {
        return (int) read(m, ea, 2);
    }

    public static long I64_ATOMIC_LOAD8_U(byte[] m, int ea) {
        return read(m, ea, 1);
    }

    public static long I64_ATOMIC_LOAD16_U(byte[] m, int ea) {
        return read(m, ea, 2);
    }

    public static long I64_ATOMIC_LOAD32_U(byte[] m, int ea) {
        return read(m, ea, 4);
    }

    public static void I32_ATOMIC_STORE(byte[] m, int ea, int v) {
        write(m, aligned(ea, 4), 4, v);
    }

    public static void I64_ATOMIC_STORE(byte[] m, int ea, long v) {
        write(m, aligned(ea, 8), 8, v);
    }

    public static void I32_ATOMIC_STORE8(byte[] m, int ea, int v) {
        write(m, ea, 1, v);
    }

    public static void I32_ATOMIC_STORE16(byte[] m, int ea, int v) {
        write(m, aligned(ea, 2), 2, v);
    }

    public static void I64_ATOMIC_STORE8(byte[] m, int ea, long v) {
        write(m, ea, 1, v);
    }

    public static void I64_ATOMIC_STORE16(byte[] m, int ea, long v) {
        write(m, aligned(ea, 2), 2, v);
    }

    public static void I64_ATOMIC_STORE32(byte[] m, int ea, long v) {
        write(m, aligned(ea, 4), 4, v);
    }

    // ---- add: the old value, zero-extended.

    public static int I32_ATOMIC_RMW_ADD(byte[] m, int ea, int v) {
        return (int) rmw(m, ea, 4, v, ADD);
    }

    public static long I64_ATOMIC_RMW_ADD(byte[] m, int ea, long v) {
        return rmw(m, ea, 8, v, ADD);
    }

    public static int I32_ATOMIC_RMW8_ADD_U(byte[] m, int ea, int v) {
        return (int) rmw(m, ea, 1, v, ADD);
    }

    public static int I32_ATOMIC_RMW16_ADD_U(byte[] m, int ea, int v) {
        return (int) rmw(m, ea, 2, v, ADD);
    }

    public static long I64_ATOMIC_RMW8_ADD_U(byte[] m, int ea, long v) {
        return rmw(m, ea, 1, v, ADD);
    }

    public static long I64_ATOMIC_RMW16_ADD_U(byte[] m, int ea, long v) {
        return rmw(m, ea, 2, v, ADD);
    }

    public static long I64_ATOMIC_RMW32_ADD_U(byte[] m, int ea, long v) {
        return rmw(m, ea, 4, v, ADD);
    }

    // ---- sub: the old value, zero-extended.

    public static int I32_ATOMIC_RMW_SUB(byte[] m, int ea, int v) {
        return (int) rmw(m, ea, 4, v, SUB);
    }

    public static long I64_ATOMIC_RMW_SUB(byte[] m, int ea, long v) {
        return rmw(m, ea, 8, v, SUB);
    }

    public static int I32_ATOMIC_RMW8_SUB_U(byte[] m, int ea, int v) {
        return (int) rmw(m, ea, 1, v, SUB);
    }

    public static int I32_ATOMIC_RMW16_SUB_U(byte[] m, int ea, int v) {
        return (int) rmw(m, ea, 2, v, SUB);
    }

    public static long I64_ATOMIC_RMW8_SUB_U(byte[] m, int ea, long v) {
        return rmw(m, ea, 1, v, SUB);
    }

    public static long I64_ATOMIC_RMW16_SUB_U(byte[] m, int ea, long v) {
        return rmw(m, ea, 2, v, SUB);
    }

    public static long I64_ATOMIC_RMW32_SUB_U(byte[] m, int ea, long v) {
        return rmw(m, ea, 4, v, SUB);
    }

    // ---- and: the old value, zero-extended.

    public static int I32_ATOMIC_RMW_AND(byte[] m, int ea, int v) {
        return (int) rmw(m, ea, 4, v, AND);
    }

    public static long I64_ATOMIC_RMW_AND(byte[] m, int ea, long v) {
        return rmw(m, ea, 8, v, AND);
    }

    public static int I32_ATOMIC_RMW8_AND_U(byte[] m, int ea, int v) {
        return (int) rmw(m, ea, 1, v, AND);
    }

    public static int I32_ATOMIC_RMW16_AND_U(byte[] m, int ea, int v) {
        return (int) rmw(m, ea, 2, v, AND);
    }

    public static long I64_ATOMIC_RMW8_AND_U(byte[] m, int ea, long v) {
        return rmw(m, ea, 1, v, AND);
    }

    public static long I64_ATOMIC_RMW16_AND_U(byte[] m, int ea, long v) {
        return rmw(m, ea, 2, v, AND);
    }

    public static long I64_ATOMIC_RMW32_AND_U(byte[] m, int ea, long v) {
        return rmw(m, ea, 4, v, AND);
    }

    // ---- or: the old value, zero-extended.

    public static int I32_ATOMIC_RMW_OR(byte[] m, int ea, int v) {
        return (int) rmw(m, ea, 4, v, OR);
    }

    public static long I64_ATOMIC_RMW_OR(byte[] m, int ea, long v) {
        return rmw(m, ea, 8, v, OR);
    }

    public static int I32_ATOMIC_RMW8_OR_U(byte[] m, int ea, int v) {
        return (int) rmw(m, ea, 1, v, OR);
    }

    public static int I32_ATOMIC_RMW16_OR_U(byte[] m, int ea, int v) {
        return (int) rmw(m, ea, 2, v, OR);
    }

    public static long I64_ATOMIC_RMW8_OR_U(byte[] m, int ea, long v) {
        return rmw(m, ea, 1, v, OR);
    }

    public static long I64_ATOMIC_RMW16_OR_U(byte[] m, int ea, long v) {
        return rmw(m, ea, 2, v, OR);
    }

    public static long I64_ATOMIC_RMW32_OR_U(byte[] m, int ea, long v) {
        return rmw(m, ea, 4, v, OR);
    }

    // ---- xor: the old value, zero-extended.

    public static int I32_ATOMIC_RMW_XOR(byte[] m, int ea, int v) {
        return (int) rmw(m, ea, 4, v, XOR);
    }

    public static long I64_ATOMIC_RMW_XOR(byte[] m, int ea, long v) {
        return rmw(m, ea, 8, v, XOR);
    }

    public static int I32_ATOMIC_RMW8_XOR_U(byte[] m, int ea, int v) {
        return (int) rmw(m, ea, 1, v, XOR);
    }

    public static int I32_ATOMIC_RMW16_XOR_U(byte[] m, int ea, int v) {
        return (int) rmw(m, ea, 2, v, XOR);
    }

    public static long I64_ATOMIC_RMW8_XOR_U(byte[] m, int ea, long v) {
        return rmw(m, ea, 1, v, XOR);
    }

    public static long I64_ATOMIC_RMW16_XOR_U(byte[] m, int ea, long v) {
        return rmw(m, ea, 2, v, XOR);
    }

    public static long I64_ATOMIC_RMW32_XOR_U(byte[] m, int ea, long v) {
        return rmw(m, ea, 4, v, XOR);
    }

    // ---- xchg: the old value, zero-extended.

    public static int I32_ATOMIC_RMW_XCHG(byte[] m, int ea, int v) {
        return (int) rmw(m, ea, 4, v, XCHG);
    }

    public static long I64_ATOMIC_RMW_XCHG(byte[] m, int ea, long v) {
        return rmw(m, ea, 8, v, XCHG);
    }

    public static int I32_ATOMIC_RMW8_XCHG_U(byte[] m, int ea, int v) {
        return (int) rmw(m, ea, 1, v, XCHG);
    }

    public static int I32_ATOMIC_RMW16_XCHG_U(byte[] m, int ea, int v) {
        return (int) rmw(m, ea, 2, v, XCHG);
    }

    public static long I64_ATOMIC_RMW8_XCHG_U(byte[] m, int ea, long v) {
        return rmw(m, ea, 1, v, XCHG);
    }

    public static long I64_ATOMIC_RMW16_XCHG_U(byte[] m, int ea, long v) {
        return rmw(m, ea, 2, v, XCHG);
    }

    public static long I64_ATOMIC_RMW32_XCHG_U(byte[] m, int ea, long v) {
        return rmw(m, ea, 4, v, XCHG);
    }

    // ---- cmpxchg: the expected value is compared at the access width; the old value, zero-extended.

    public static int I32_ATOMIC_RMW_CMPXCHG(byte[] m, int ea, int expected, int replacement) {
        return (int) cmpxchg(m, ea, 4, expected, replacement);
    }

    public static long I64_ATOMIC_RMW_CMPXCHG(byte[] m, int ea, long expected, long replacement) {
        return cmpxchg(m, ea, 8, expected, replacement);
    }

    public static int I32_ATOMIC_RMW8_CMPXCHG_U(byte[] m, int ea, int expected, int replacement) {
        return (int) cmpxchg(m, ea, 1, expected, replacement);
    }

    public static int I32_ATOMIC_RMW16_CMPXCHG_U(byte[] m, int ea, int expected, int replacement) {
        return (int) cmpxchg(m, ea, 2, expected, replacement);
    }

    public static long I64_ATOMIC_RMW8_CMPXCHG_U(byte[] m, int ea, long expected, long replacement) {
        return cmpxchg(m, ea, 1, expected, replacement);
    }

    public static long I64_ATOMIC_RMW16_CMPXCHG_U(byte[] m, int ea, long expected, long replacement) {
        return cmpxchg(m, ea, 2, expected, replacement);
    }

    public static long I64_ATOMIC_RMW32_CMPXCHG_U(byte[] m, int ea, long expected, long replacement) {
        return cmpxchg(m, ea, 4, expected, replacement);
    }

    // ---- wait and notify. Nothing else runs this instance's code, so no notify can ever come: a wait whose
    // value matches times out (after its timeout), and one without a timeout would never return.

    /** {@code memory.atomic.wait32}: 1 if the value differs ("not-equal"), else 2 after the timeout. */
    public static int MEM_ATOMIC_WAIT32(byte[] m, int ea, int expected, long timeout, boolean shared) {
        return await(shared, read(m, ea, 4) == (expected & 0xFFFF_FFFFL), timeout);
    }

    /** {@code memory.atomic.wait64}: see {@link #MEM_ATOMIC_WAIT32}. */
    public static int MEM_ATOMIC_WAIT64(byte[] m, int ea, long expected, long timeout, boolean shared) {
        return await(shared, read(m, ea, 8) == expected, timeout);
    }

    private static int await(boolean shared, boolean equal, long timeout) {
        if (!shared) {
            throw new TrapException("expected shared memory");
        }
        if (!equal) {
            return 1;
        }
        if (timeout < 0) {
            throw new TrapException("wait without a timeout on a memory no other thread can notify");
        }
        // Parks until the timeout, however long: a park may return early for no reason, and returns at once when
        // the engine interrupts the thread (a call's deadline, a cancel), which ends the call here rather than
        // after the wait would have.
        long end = System.nanoTime() + timeout;
        for (long left = timeout; left > 0; left = end - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
                throw new ChicoryInterruptedException("Thread interrupted");
            }
        }
        return 2;
    }

    /** {@code memory.atomic.notify}: checks the address; there is never a waiter to wake. */
    public static int MEM_ATOMIC_NOTIFY(byte[] m, int ea, int count) {
        read(m, ea, 4);
        return 0;
    }
}
