package io.fssdk.runtime.component;

/**
 * The bytes are not a well-formed component (or core module): bad magic, truncated section, an
 * out-of-range LEB128, a count over {@code Limits}, or a feature outside the synchronous MVP. The message
 * ends with the byte offset at which decoding failed.
 */
public sealed class MalformedException extends ComponentException permits UnsupportedFeatureException {
    private static final long serialVersionUID = 1L;

    private final long offset;

    /**
     * Creates an exception for a decoding failure at {@code offset}.
     *
     * @param message what was wrong, lowercase
     * @param offset the byte offset in the binary
     */
    public MalformedException(String message, long offset) {
        super(message + " (at offset " + offset + ")");
        this.offset = offset;
    }

    /** Creates an exception for a decoding failure with an underlying cause. */
    public MalformedException(String message, long offset, Throwable cause) {
        super(message + " (at offset " + offset + ")", cause);
        this.offset = offset;
    }

    /** The byte offset at which decoding failed. */
    public long offset() {
        return offset;
    }
}
