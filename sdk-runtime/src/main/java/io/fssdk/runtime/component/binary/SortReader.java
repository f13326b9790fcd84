package io.fssdk.runtime.component.binary;

/**
 * Decodes Binary.md's {@code sort}, {@code core:sort} and {@code sortidx} (Instance Definitions).
 */
final class SortReader {
    private SortReader() {
    }

    /** Reads a {@code sort}: {@code 0x00 cs} for a core sort, else a component sort. */
    static Sort read(BinaryReader r) {
        int offset = r.offset();
        int b = r.u8("sort");
        return switch (b) {
            case 0x00 -> Sort.of(readCore(r));
            case 0x01 -> Sort.FUNC;
            case 0x02 -> throw r.unsupported(offset, "`value` sort", "component-model values");
            case 0x03 -> Sort.TYPE;
            case 0x04 -> Sort.COMPONENT;
            case 0x05 -> Sort.INSTANCE;
            default -> throw r.badByte(offset, b, "sort");
        };
    }

    /** Reads a {@code core:sort}. */
    static CoreSort readCore(BinaryReader r) {
        int offset = r.offset();
        int b = r.u8("core sort");
        return switch (b) {
            case 0x00 -> CoreSort.FUNC;
            case 0x01 -> CoreSort.TABLE;
            case 0x02 -> CoreSort.MEMORY;
            case 0x03 -> CoreSort.GLOBAL;
            case 0x04 -> CoreSort.TAG;
            case 0x10 -> CoreSort.TYPE;
            case 0x11 -> CoreSort.MODULE;
            case 0x12 -> CoreSort.INSTANCE;
            default -> throw r.badByte(offset, b, "core sort");
        };
    }

    /** Reads a {@code sortidx}: a sort and an index in its space. */
    static SortIndex readIndex(BinaryReader r) {
        Sort sort = read(r);
        return new SortIndex(sort, r.index(sort.text() + " index"));
    }
}
