package io.fssdk.runtime.component.binary;

import io.fssdk.runtime.component.MalformedException;
import java.util.Objects;

/**
 * Decodes a component binary into a {@link ParsedComponent}: the preamble and the sections of
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#component-definitions">
 * Binary.md, Component Definitions</a>, in any order and repetition, nested components included. Embedded
 * core modules are kept as slices of one private copy of the input and never decoded here, so even a 12 MB
 * componentize-js binary decodes in milliseconds.
 *
 * <p>This is only the decoding pass: indices, types and names' uniqueness are validated later. Every failure
 * is a {@link MalformedException} with the byte offset, and features outside the synchronous MVP (the start
 * and value sections, async built-ins and types, ...) raise its subtype
 * {@link io.fssdk.runtime.component.UnsupportedFeatureException} naming the feature. Nothing else is thrown,
 * whatever the input, and all work is bounded by the input's size and {@link Limits}.
 */
public final class ComponentParser {
    private static final int CORE_VERSION = 0x01;
    private static final int COMPONENT_VERSION = 0x0d;
    private static final int COMPONENT_LAYER = 0x01;

    private ComponentParser() {
    }

    /**
     * Decodes {@code binary}, which is copied first so the result stays immutable.
     *
     * @throws MalformedException if the bytes are not a well-formed component
     */
    public static ParsedComponent parse(byte[] binary) {
        Objects.requireNonNull(binary, "binary");
        if (binary.length > Limits.MAX_COMPONENT_SIZE) {
            throw new MalformedException("component size " + binary.length + " exceeds the limit of "
                    + Limits.MAX_COMPONENT_SIZE, 0);
        }
        byte[] copy = binary.clone();
        return component(new BinaryReader(copy, 0, copy.length), 0);
    }

    /** Whether {@code binary} starts with a component preamble (as opposed to a core module's). */
    public static boolean isComponent(byte[] binary) {
        return binary.length >= 8 && hasMagic(binary)
                && binary[4] == COMPONENT_VERSION && binary[5] == 0 && binary[6] == COMPONENT_LAYER && binary[7] == 0;
    }

    private static boolean hasMagic(byte[] b) {
        return b[0] == 0x00 && b[1] == 0x61 && b[2] == 0x73 && b[3] == 0x6d;
    }

    /** Decodes a component (preamble and sections) filling all of {@code r}, {@code depth} levels deep. */
    private static ParsedComponent component(BinaryReader r, int depth) {
        preamble(r);
        DefinitionSink sink = new DefinitionSink();
        int sections = 0;
        while (!r.atEnd()) {
            int offset = r.offset();
            if (++sections > Limits.MAX_SECTIONS) {
                throw r.error("too many sections (the limit is " + Limits.MAX_SECTIONS + ")");
            }
            int id = r.u8("section id");
            int size = r.length(id == 1 ? Limits.MAX_CORE_MODULE_SIZE : Limits.MAX_COMPONENT_SIZE, "section");
            BinaryReader section = r.window(size);
            section(section, id, offset, sink, depth);
        }
        return sink.build();
    }

    private static void section(BinaryReader s, int id, int offset, DefinitionSink sink, int depth) {
        switch (id) {
            case 0 -> {
                int at = s.offset();
                String name = s.name("custom section name");
                sink.add(new CustomSection(name, s.slice(s.remaining())), at);
            }
            case 1 -> {
                int at = s.offset();
                coreModulePreamble(s);
                sink.add(new CoreModule(s.slice(s.remaining())), at);
            }
            case 2 -> CoreInstanceSectionReader.readSection(s, sink);
            case 3 -> CoreTypeSectionReader.readSection(s, sink);
            case 4 -> {
                int at = s.offset();
                if (depth + 1 > Limits.MAX_COMPONENT_NESTING_DEPTH) {
                    throw s.error("components nested too deeply (the limit is "
                            + Limits.MAX_COMPONENT_NESTING_DEPTH + ")");
                }
                sink.add(new NestedComponent(component(s, depth + 1)), at);
            }
            case 5 -> InstanceSectionReader.readSection(s, sink);
            case 6 -> AliasSectionReader.readSection(s, sink);
            case 7 -> TypeSectionReader.readSection(s, sink);
            case 8 -> CanonSectionReader.readSection(s, sink);
            case 9 -> throw s.unsupported(offset, "`start` section", "component-model values");
            case 10 -> ImportSectionReader.readSection(s, sink);
            case 11 -> ExportSectionReader.readSection(s, sink);
            case 12 -> throw s.unsupported(offset, "`value` section", "component-model values");
            default -> throw s.badByte(offset, id, "section id");
        }
    }

    /** Checks {@code magic version layer} for a component, naming what was found instead. */
    private static void preamble(BinaryReader r) {
        int offset = r.offset();
        if (r.remaining() < 8) {
            throw r.error("unexpected end while reading the preamble (" + r.remaining() + " of 8 bytes)");
        }
        if (r.u8("magic") != 0x00 || r.u8("magic") != 0x61 || r.u8("magic") != 0x73 || r.u8("magic") != 0x6d) {
            throw r.errorAt(offset, "not a webassembly binary (bad magic number)");
        }
        int version = r.u8("version") | r.u8("version") << 8;
        int layer = r.u8("layer") | r.u8("layer") << 8;
        if (layer == 0 && version == CORE_VERSION) {
            throw r.errorAt(offset, "a core module, not a component");
        }
        if (layer != COMPONENT_LAYER) {
            throw r.errorAt(offset + 6, String.format("unknown binary layer 0x%04x", layer));
        }
        if (version != COMPONENT_VERSION) {
            throw r.errorAt(offset + 4, String.format(
                    "unsupported component binary version 0x%04x (expected 0x%04x)", version, COMPONENT_VERSION));
        }
    }

    /**
     * Checks an embedded module starts with a core preamble, so that a bad one is reported with its
     * offset now rather than by Chicory later; the rest is left to Chicory.
     */
    private static void coreModulePreamble(BinaryReader s) {
        int offset = s.offset();
        if (s.remaining() < 8) {
            throw s.error("embedded core module is only " + s.remaining() + " bytes long");
        }
        BinaryReader peek = s.fork();
        int[] head = new int[8];
        for (int i = 0; i < head.length; i++) {
            head[i] = peek.u8("core module preamble");
        }
        if (head[0] != 0x00 || head[1] != 0x61 || head[2] != 0x73 || head[3] != 0x6d) {
            throw s.errorAt(offset, "embedded core module has a bad magic number");
        }
        if (head[4] != CORE_VERSION || head[5] != 0 || head[6] != 0 || head[7] != 0) {
            throw s.errorAt(offset + 4, String.format("embedded core module has unsupported version "
                    + "%02x %02x %02x %02x (expected 01 00 00 00)", head[4], head[5], head[6], head[7]));
        }
    }
}
