package io.fssdk.runtime.component;

/**
 * A host function on the typed fast path: it receives the core-level (flattened) arguments and reads and
 * writes guest memory itself through a {@link RawFrame}, so that bytes move straight between guest memory
 * and Java arrays without building value trees. It is bound to the one signature given when it is
 * defined; the linker refuses it for an import of any other type.
 *
 * <p>The flattened form follows the canonical ABI: at most 16 core parameters (a {@code list<u8>} is a
 * pointer and a length, a {@code borrow} a handle), and at most one core result; a larger result is
 * written through the return pointer passed as the last argument.
 */
@FunctionalInterface
public interface RawHostFunction {
    /**
     * Handles one call.
     *
     * @param frame the core arguments and access to the caller's memory, valid only during this call
     * @return the single core result (an i32 in the low bits, or i64, f32 or f64 bits), ignored when the
     *     flattened signature has no result
     */
    long call(RawFrame frame) throws Exception;
}
