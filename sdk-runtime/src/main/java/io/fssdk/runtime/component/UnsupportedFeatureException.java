package io.fssdk.runtime.component;

/**
 * The binary uses a component-model feature this engine does not implement: anything outside the
 * synchronous MVP, such as the async built-ins and types (🔀), values and the start section (🪙),
 * {@code error-context} (📝), fixed-length lists (🔧), maps or WebAssembly 3.0 GC core types. See
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Explainer.md#gated-features">
 * Gated Features</a>.
 *
 * <p>It is a {@link MalformedException} because, for this engine, such bytes do not decode; the subtype
 * lets callers tell "unsupported" from "corrupt". The message names the feature, for example
 * "unsupported feature `stream` type (component-model async) (at offset 1234)".
 */
public final class UnsupportedFeatureException extends MalformedException {
    private static final long serialVersionUID = 1L;

    private final String feature;

    /**
     * Creates an exception for an unsupported feature found at {@code offset}.
     *
     * @param feature what was found, lowercase, e.g. "`stream` type"
     * @param proposal the proposal or gate it belongs to, e.g. "component-model async"
     * @param offset the byte offset in the binary
     */
    public UnsupportedFeatureException(String feature, String proposal, long offset) {
        super("unsupported feature " + feature + " (" + proposal + ")", offset);
        this.feature = feature;
    }

    /** What was found, e.g. "`stream` type". */
    public String feature() {
        return feature;
    }
}
