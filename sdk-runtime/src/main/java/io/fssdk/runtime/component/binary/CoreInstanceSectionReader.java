package io.fssdk.runtime.component.binary;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the core instance section (2) and Binary.md's {@code core:instance} (Instance Definitions).
 */
final class CoreInstanceSectionReader {
    private CoreInstanceSectionReader() {
    }

    /** Decodes a core instance section into {@code sink}. */
    static void readSection(BinaryReader section, DefinitionSink sink) {
        sink.addAll(section, "core instances", CoreInstanceSectionReader::read);
    }

    /** Reads one {@code core:instanceexpr}. */
    static CoreInstance read(BinaryReader r) {
        int offset = r.offset();
        int b = r.u8("core instance");
        switch (b) {
            case 0x00: {
                int module = r.index("core module index");
                int count = r.count(Limits.MAX_INSTANTIATION_ARGS, "core instantiation arguments");
                List<CoreInstance.Arg> args = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    String name = r.name("core instantiation argument name");
                    int at = r.offset();
                    int sort = r.u8("core instantiation argument sort");
                    if (sort != 0x12) {
                        throw r.badByte(at, sort, "core instantiation argument sort (only instance, 0x12)");
                    }
                    args.add(new CoreInstance.Arg(name, r.index("core instance index")));
                }
                return new CoreInstance.Instantiate(module, args);
            }
            case 0x01: {
                int count = r.count(Limits.MAX_INLINE_EXPORTS, "core inline exports");
                List<CoreInstance.Export> exports = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    String name = r.name("core export name");
                    CoreSort sort = SortReader.readCore(r);
                    exports.add(new CoreInstance.Export(name, sort, r.index("core " + sort.text() + " index")));
                }
                return new CoreInstance.FromExports(exports);
            }
            default:
                throw r.badByte(offset, b, "core instance");
        }
    }
}
