package io.fssdk.runtime.component.binary;

/**
 * The {@code string-encoding} canonical option of
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#canonical-definitions">
 * Canonical Definitions</a>; {@link #UTF8} when absent.
 */
public enum StringEncoding {
    /** {@code 0x00}: UTF-8. */
    UTF8("utf8"),
    /** {@code 0x01}: UTF-16 (little-endian code units). */
    UTF16("utf16"),
    /** {@code 0x02}: Latin-1, or UTF-16 with the high bit of the length set. */
    LATIN1_UTF16("latin1+utf16");

    private final String text;

    StringEncoding(String text) {
        this.text = text;
    }

    /** The option as written in component text, e.g. "latin1+utf16". */
    public String text() {
        return text;
    }
}
