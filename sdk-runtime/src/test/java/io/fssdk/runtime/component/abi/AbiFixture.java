package io.fssdk.runtime.component.abi;

/** A 64 KiB array memory, a bump allocator starting at 16, options in one encoding and a fresh context. */
final class AbiFixture {
    static final int MEMORY_SIZE = 1 << 16;
    static final String FUNCTION = "test-func";

    final ArrayMemory memory = new ArrayMemory(MEMORY_SIZE);
    final BumpAllocator allocator = new BumpAllocator(memory, 16);
    final CanonicalOptions options;
    final ResourceTables tables = new ResourceTables();
    final BorrowScope scope = new BorrowScope();
    final AbiContext cx;

    AbiFixture() {
        this(StringEncoding.UTF8);
    }

    AbiFixture(StringEncoding encoding) {
        this.options = CanonicalOptions.of(encoding, memory, allocator);
        this.cx = new AbiContext(FUNCTION, options, tables, scope);
    }

    /** A context for another call on the same instance: same memory and tables, a new borrow scope. */
    AbiContext nextCall() {
        return new AbiContext(FUNCTION, options, tables, new BorrowScope());
    }

    /** Allocates room for one value of {@code t} through the allocator, without logging a realloc call. */
    int place(AbiType t) {
        int ptr = allocator.realloc(0, 0, t.align(), t.size());
        allocator.calls.clear();
        return ptr;
    }
}
