package io.fssdk.runtime.component.binary;

/**
 * Decodes the import section (10) and Binary.md's {@code import} (Import and Export Definitions).
 */
final class ImportSectionReader {
    private ImportSectionReader() {
    }

    /** Decodes an import section into {@code sink}. */
    static void readSection(BinaryReader section, DefinitionSink sink) {
        sink.addAll(section, "imports", ImportSectionReader::read);
    }

    /** Reads one {@code import ::= nameattributes externtype}. */
    static Import read(BinaryReader r) {
        NameReader.AttributedName name = NameReader.readAttributed(r);
        return new Import(name.name(), name.attributes(), ExternTypeReader.read(r));
    }
}
