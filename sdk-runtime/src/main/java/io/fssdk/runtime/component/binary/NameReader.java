package io.fssdk.runtime.component.binary;

import java.util.Optional;

/**
 * Decodes names: Binary.md's {@code nameattributes} with its {@code externname} and
 * {@code attribute}s (Import and Export Definitions), and {@code labellit} (Type Definitions). A name
 * that does not follow its grammar does not decode.
 */
final class NameReader {
    /** An extern name together with its attributes. */
    record AttributedName(ExternName name, NameAttributes attributes) {
    }

    private NameReader() {
    }

    /**
     * Reads {@code nameattributes}. Forms {@code 0x00} and {@code 0x01} are the same (the second is
     * kept for binaries from before component-model#263); {@code 0x02} adds 🏷️/🔗 attributes, which
     * are decoded, each kind at most once, since they cost nothing to keep.
     */
    static AttributedName readAttributed(BinaryReader r) {
        int offset = r.offset();
        int form = r.u8("name");
        if (form == 0x00 || form == 0x01) {
            return new AttributedName(readExternName(r), NameAttributes.NONE);
        }
        if (form != 0x02) {
            throw r.badByte(offset, form, "import or export name");
        }
        ExternName name = readExternName(r);
        Optional<ExternName.Interface> implementsName = Optional.empty();
        Optional<String> versionSuffix = Optional.empty();
        Optional<String> externalId = Optional.empty();
        int count = r.count(Limits.MAX_NAME_ATTRIBUTES, "name attributes");
        for (int i = 0; i < count; i++) {
            int at = r.offset();
            int kind = r.u8("name attribute");
            switch (kind) {
                case 0x00 -> {
                    if (implementsName.isPresent()) {
                        throw r.errorAt(at, "duplicate `implements` attribute");
                    }
                    ExternName in = readExternName(r);
                    if (!(in instanceof ExternName.Interface iface)) {
                        throw r.errorAt(at, "`implements` needs an interface name, not `" + in + "`");
                    }
                    implementsName = Optional.of(iface);
                }
                case 0x01 -> {
                    if (versionSuffix.isPresent()) {
                        throw r.errorAt(at, "duplicate `versionsuffix` attribute");
                    }
                    String suffix = r.name("version suffix");
                    if (!ExternNameParser.isSemverSuffix(suffix)) {
                        throw r.errorAt(at, "invalid version suffix `" + suffix + "`");
                    }
                    versionSuffix = Optional.of(suffix);
                }
                case 0x02 -> {
                    if (externalId.isPresent()) {
                        throw r.errorAt(at, "duplicate `external-id` attribute");
                    }
                    externalId = Optional.of(r.name("external id"));
                }
                default -> throw r.badByte(at, kind, "name attribute");
            }
        }
        return new AttributedName(name, new NameAttributes(implementsName, versionSuffix, externalId));
    }

    /** Reads a length-prefixed {@code externname}. */
    static ExternName readExternName(BinaryReader r) {
        int offset = r.offset();
        String text = r.name("extern name");
        Optional<ExternNameParser.Gate> gate = ExternNameParser.gate(text);
        if (gate.isPresent()) {
            throw r.unsupported(offset, gate.get().feature() + " `" + text + "`", gate.get().proposal());
        }
        try {
            return ExternNameParser.parse(text);
        } catch (IllegalArgumentException e) {
            throw r.errorAt(offset, "invalid extern name `" + text + "`: " + e.getMessage());
        }
    }

    /** Reads a {@code labellit}: a length-prefixed kebab-case {@code label}. */
    static String readLabel(BinaryReader r, String what) {
        int offset = r.offset();
        String label = r.name(what);
        if (!Labels.isLabel(label)) {
            throw r.errorAt(offset, what + " `" + label + "` is not a valid kebab-case label");
        }
        return label;
    }
}
