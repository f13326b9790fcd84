package io.fssdk.runtime.component.binary;

import io.fssdk.runtime.component.MalformedException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Collects one component's definitions and their offsets while its sections are decoded, enforcing
 * {@link Limits#MAX_DEFINITIONS}.
 */
final class DefinitionSink {
    private final List<Definition> definitions = new ArrayList<>();
    private final List<Integer> offsets = new ArrayList<>();

    /** Appends {@code definition}, which began at {@code offset}. */
    void add(Definition definition, int offset) {
        if (definitions.size() >= Limits.MAX_DEFINITIONS) {
            throw new MalformedException(
                    "too many definitions in one component (the limit is " + Limits.MAX_DEFINITIONS + ")", offset);
        }
        definitions.add(definition);
        offsets.add(offset);
    }

    /**
     * Decodes a whole {@code vec(entity)} section: the count, each entity in turn, then checks the
     * section holds nothing more.
     */
    void addAll(BinaryReader section, String what, Function<BinaryReader, ? extends Definition> entity) {
        int count = section.count(Limits.MAX_DEFINITIONS_PER_SECTION, what);
        for (int i = 0; i < count; i++) {
            int offset = section.offset();
            add(entity.apply(section), offset);
        }
        section.expectEnd(what + " section");
    }

    /** The component decoded so far. */
    ParsedComponent build() {
        return new ParsedComponent(definitions, offsets);
    }
}
