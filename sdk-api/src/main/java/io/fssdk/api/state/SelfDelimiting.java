package io.fssdk.api.state;

/**
 * An order-preserving codec whose encodings are prefix-free and whose length can be read from the bytes
 * themselves (fixed width, or terminated). A tuple concatenates such encodings as they are; other codecs'
 * encodings it escapes and terminates first.
 */
interface SelfDelimiting {
    /** The end (exclusive) of the encoding that starts at {@code at} in {@code in}. */
    int encodedEnd(byte[] in, int at);
}
