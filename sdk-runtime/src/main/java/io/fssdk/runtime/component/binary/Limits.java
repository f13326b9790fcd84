package io.fssdk.runtime.component.binary;

/**
 * Every cap the decoder applies to a count, length or depth read from a component binary. A count is
 * checked against its cap <em>and</em> against the bytes left before anything proportional to it is
 * allocated, so a hostile binary can cost at most a small multiple of its own size in memory and time.
 *
 * <p>The caps are far above what {@code wit-component} ({@code jco new}), componentize-js and
 * componentize-qjs emit; where wasmparser's {@code limits.rs} has a counterpart, the value agrees with
 * it so that anything wasm-tools accepts decodes here too. Exceeding a cap is a
 * {@link io.fssdk.runtime.component.MalformedException}.
 */
public final class Limits {
    /** Largest component binary accepted: 1 GiB (componentize-js output is about 12 MB). */
    public static final int MAX_COMPONENT_SIZE = 1 << 30;

    /** Largest embedded core module: 1 GiB, wasmparser's {@code MAX_WASM_MODULE_SIZE}. */
    public static final int MAX_CORE_MODULE_SIZE = 1 << 30;

    /** Sections in one component (each nested component counts its own); tools emit a few hundred. */
    public static final int MAX_SECTIONS = 100_000;

    /** Entries in one {@code vec} section (types, aliases, canons, imports, ...). */
    public static final int MAX_DEFINITIONS_PER_SECTION = 1_000_000;

    /** Definitions in one component, over all its sections, i.e. the size of its index spaces. */
    public static final int MAX_DEFINITIONS = 1_000_000;

    /** Bytes in one name, label or string: wasmparser's {@code MAX_WASM_STRING_SIZE}. */
    public static final int MAX_NAME_LENGTH = 100_000;

    /**
     * How deeply component, instance and core module types may nest inside one another. Decoding
     * recurses once per level, so this is the recursion guard against stack exhaustion; wasmparser's
     * {@code MAX_WASM_COMPONENT_TYPE_DEPTH}.
     */
    public static final int MAX_TYPE_NESTING_DEPTH = 100;

    /** How deeply components may nest (section 4 inside section 4); also a recursion guard. */
    public static final int MAX_COMPONENT_NESTING_DEPTH = 100;

    /** Declarators in one component, instance or core module type. */
    public static final int MAX_TYPE_DECLS = 1_000_000;

    /** Fields of one {@code record}. */
    public static final int MAX_RECORD_FIELDS = 10_000;

    /** Cases of one {@code variant}. */
    public static final int MAX_VARIANT_CASES = 10_000;

    /** Element types of one {@code tuple}. */
    public static final int MAX_TUPLE_TYPES = 10_000;

    /**
     * Labels of one {@code flags}. Binary.md requires {@code 0 < |l*| <= 32} since July 2024
     * (component-model 649f7fd); wasm-tools dropped its 33..64 "more flags" option in February 2025, so
     * nothing jco 1.35 emits exceeds it and a 33rd flag is rejected as malformed.
     */
    public static final int MAX_FLAGS = 32;

    /** Cases of one {@code enum}. */
    public static final int MAX_ENUM_CASES = 10_000;

    /** Parameters of one component function type (wasmparser uses the same cap). */
    public static final int MAX_FUNC_PARAMS = 1_000;

    /** Parameters, and separately results, of one core function type. */
    public static final int MAX_CORE_FUNC_VALUES = 1_000;

    /** Options of one canonical definition; there are only 6 distinct synchronous ones. */
    public static final int MAX_CANON_OPTIONS = 10;

    /** Arguments of one (core) {@code instantiate}. */
    public static final int MAX_INSTANTIATION_ARGS = 100_000;

    /** Inline exports of one (core) instance built from exports. */
    public static final int MAX_INLINE_EXPORTS = 100_000;

    /** Attributes of one import or export name: at most one of each of the 3 kinds. */
    public static final int MAX_NAME_ATTRIBUTES = 3;

    private Limits() {
    }
}
