package io.fssdk.runtime.component.binary;

/**
 * Decodes the alias section (6) and Binary.md's {@code alias} (Alias Definitions), which also occurs
 * as a component or instance type declarator.
 */
final class AliasSectionReader {
    private AliasSectionReader() {
    }

    /** Decodes an alias section into {@code sink}. */
    static void readSection(BinaryReader section, DefinitionSink sink) {
        sink.addAll(section, "aliases", AliasSectionReader::read);
    }

    /** Reads one {@code alias}: a sort, then the target's discriminant byte. */
    static Alias read(BinaryReader r) {
        int offset = r.offset();
        Sort sort = SortReader.read(r);
        int at = r.offset();
        int b = r.u8("alias target");
        switch (b) {
            case 0x00: {
                int instance = r.index("instance index");
                return new Alias.InstanceExport(sort, instance, r.name("alias export name"));
            }
            case 0x01: {
                if (!sort.isCore()) {
                    throw r.errorAt(offset, "a core export alias needs a core sort, not `" + sort.text() + "`");
                }
                int instance = r.index("core instance index");
                return new Alias.CoreInstanceExport(sort.coreSort().orElseThrow(), instance,
                        r.name("alias core export name"));
            }
            case 0x02: {
                // Explainer.md's outeraliassort: only these four sorts may be aliased from outer scopes.
                if (sort != Sort.CORE_MODULE && sort != Sort.CORE_TYPE && sort != Sort.COMPONENT
                        && sort != Sort.TYPE) {
                    throw r.errorAt(offset, "an outer alias cannot have sort `" + sort.text() + "`");
                }
                int count = r.index("outer alias count");
                return new Alias.Outer(sort, count, r.index("outer alias index"));
            }
            default:
                throw r.badByte(at, b, "alias target");
        }
    }
}
