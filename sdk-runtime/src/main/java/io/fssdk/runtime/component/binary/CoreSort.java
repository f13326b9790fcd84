package io.fssdk.runtime.component.binary;

/**
 * A core sort, Binary.md's {@code core:sort} in
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#instance-definitions">
 * Instance Definitions</a>. The codes match core {@code externtype}; {@code type}, {@code module} and
 * {@code instance} exist for aliases only.
 */
public enum CoreSort {
    /** {@code 0x00}: a core function. */
    FUNC("func"),
    /** {@code 0x01}: a table. */
    TABLE("table"),
    /** {@code 0x02}: a memory. */
    MEMORY("memory"),
    /** {@code 0x03}: a global. */
    GLOBAL("global"),
    /** {@code 0x04}: an exception tag. */
    TAG("tag"),
    /** {@code 0x10}: a core type. */
    TYPE("type"),
    /** {@code 0x11}: a core module. */
    MODULE("module"),
    /** {@code 0x12}: a core instance. */
    INSTANCE("instance");

    private final String text;

    CoreSort(String text) {
        this.text = text;
    }

    /** The sort as written in component text, e.g. "func". */
    public String text() {
        return text;
    }
}
