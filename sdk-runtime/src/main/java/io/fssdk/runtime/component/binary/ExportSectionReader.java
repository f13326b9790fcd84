package io.fssdk.runtime.component.binary;

import java.util.Optional;

/**
 * Decodes the export section (11) and Binary.md's {@code export} (Import and Export Definitions).
 */
final class ExportSectionReader {
    private ExportSectionReader() {
    }

    /** Decodes an export section into {@code sink}. */
    static void readSection(BinaryReader section, DefinitionSink sink) {
        sink.addAll(section, "exports", ExportSectionReader::read);
    }

    /** Reads one {@code export ::= nameattributes sortidx externtype?}. */
    static Export read(BinaryReader r) {
        NameReader.AttributedName name = NameReader.readAttributed(r);
        SortIndex item = SortReader.readIndex(r);
        int offset = r.offset();
        int b = r.u8("export type ascription");
        Optional<ExternType> type = switch (b) {
            case 0x00 -> Optional.empty();
            case 0x01 -> Optional.of(ExternTypeReader.read(r));
            default -> throw r.badByte(offset, b, "export type ascription");
        };
        return new Export(name.name(), name.attributes(), item, type);
    }
}
