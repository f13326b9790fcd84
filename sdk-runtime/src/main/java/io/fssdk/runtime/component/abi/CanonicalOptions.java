package io.fssdk.runtime.component.abi;

import io.fssdk.runtime.component.TrapException;
import java.util.Objects;
import java.util.Optional;

/**
 * The canonical options of one {@code canon lift} or {@code canon lower} that matter when lifting and
 * lowering values: string encoding, memory and realloc. {@code post-return} is the caller's business: it
 * runs after results are lifted. Immutable.
 *
 * @see <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#canonical-abi-options">
 *     CanonicalABI.md: canonical ABI options</a>
 */
public final class CanonicalOptions {
    private static final CanonicalOptions NONE = new CanonicalOptions(StringEncoding.UTF8, null, null);

    private final StringEncoding encoding;
    private final GuestMemory memory;
    private final Realloc realloc;

    private CanonicalOptions(StringEncoding encoding, GuestMemory memory, Realloc realloc) {
        this.encoding = Objects.requireNonNull(encoding, "encoding");
        this.memory = memory;
        this.realloc = realloc;
    }

    /** Options with neither memory nor realloc: enough for functions of scalars only. */
    public static CanonicalOptions none() {
        return NONE;
    }

    /** Options with a memory but no realloc: enough to lift, or to lower only into caller-provided space. */
    public static CanonicalOptions of(StringEncoding encoding, GuestMemory memory) {
        return new CanonicalOptions(encoding, Objects.requireNonNull(memory, "memory"), null);
    }

    /** Options with a memory and a realloc. */
    public static CanonicalOptions of(StringEncoding encoding, GuestMemory memory, Realloc realloc) {
        return new CanonicalOptions(encoding, Objects.requireNonNull(memory, "memory"),
                Objects.requireNonNull(realloc, "realloc"));
    }

    /** The string encoding. */
    public StringEncoding encoding() {
        return encoding;
    }

    /** The memory, if the {@code memory} option was given. */
    public Optional<GuestMemory> memoryOption() {
        return Optional.ofNullable(memory);
    }

    /** The realloc function, if the {@code realloc} option was given. */
    public Optional<Realloc> reallocOption() {
        return Optional.ofNullable(realloc);
    }

    /**
     * The memory. Validation requires it wherever a list, string or spilled tuple is lifted or lowered, so
     * its absence at run time is a trap, not a bug in the caller.
     */
    public GuestMemory memory() {
        if (memory == null) {
            throw new TrapException("", "canonical options have no memory");
        }
        return memory;
    }

    /**
     * Calls realloc and checks the result as the spec does: the block must be aligned and fit in memory.
     *
     * @param size the new size, at most 2<sup>32</sup>-1
     */
    public int realloc(int oldPtr, int oldSize, int align, long size) {
        if (realloc == null) {
            throw new TrapException("", "canonical options have no realloc");
        }
        if (size > 0xFFFF_FFFFL) {
            throw new TrapException("", "allocation of " + size + " bytes exceeds 4 GiB");
        }
        int ptr = realloc.realloc(oldPtr, oldSize, align, (int) size);
        if ((ptr & (align - 1)) != 0) {
            throw new TrapException("", "realloc returned misaligned pointer " + Integer.toUnsignedString(ptr)
                    + " for alignment " + align);
        }
        long limit = memory().byteSize();
        if (Integer.toUnsignedLong(ptr) + size > limit) {
            throw new TrapException("", "realloc returned out-of-bounds block " + Integer.toUnsignedString(ptr)
                    + " + " + size + " > " + limit);
        }
        return ptr;
    }

    /** Allocates a new block: {@code realloc(0, 0, align, size)}, checked. */
    public int allocate(int align, long size) {
        return realloc(0, 0, align, size);
    }
}
