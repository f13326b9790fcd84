package io.fssdk.runtime.component.abi;

/**
 * The {@code string-encoding} canonical option.
 *
 * @see <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#loading">
 *     CanonicalABI.md: loading ({@code load_string})</a>
 */
public enum StringEncoding {
    /** UTF-8: alignment 1, length in bytes. The default. */
    UTF8,
    /** UTF-16LE: alignment 2, length in 16-bit code units. */
    UTF16,
    /**
     * {@code latin1+utf16}: alignment 2; Latin-1 bytes, or UTF-16LE code units when the length's high
     * bit ({@code UTF16_TAG}, 1 &lt;&lt; 31) is set.
     */
    LATIN1_UTF16
}
