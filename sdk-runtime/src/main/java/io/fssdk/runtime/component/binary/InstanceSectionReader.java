package io.fssdk.runtime.component.binary;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the instance section (5) and Binary.md's {@code instance} (Instance Definitions).
 */
final class InstanceSectionReader {
    private InstanceSectionReader() {
    }

    /** Decodes an instance section into {@code sink}. */
    static void readSection(BinaryReader section, DefinitionSink sink) {
        sink.addAll(section, "instances", InstanceSectionReader::read);
    }

    /** Reads one {@code instanceexpr}. */
    static Instance read(BinaryReader r) {
        int offset = r.offset();
        int b = r.u8("instance");
        switch (b) {
            case 0x00: {
                int component = r.index("component index");
                int count = r.count(Limits.MAX_INSTANTIATION_ARGS, "instantiation arguments");
                List<Instance.Arg> args = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    String name = r.name("instantiation argument name");
                    args.add(new Instance.Arg(name, SortReader.readIndex(r)));
                }
                return new Instance.Instantiate(component, args);
            }
            case 0x01: {
                int count = r.count(Limits.MAX_INLINE_EXPORTS, "inline exports");
                List<Instance.Export> exports = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    NameReader.AttributedName name = NameReader.readAttributed(r);
                    exports.add(new Instance.Export(name.name(), name.attributes(), SortReader.readIndex(r)));
                }
                return new Instance.FromExports(exports);
            }
            default:
                throw r.badByte(offset, b, "instance");
        }
    }
}
