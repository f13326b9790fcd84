package io.fssdk.runtime.component.binary;

import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The attributes of an import or export name, {@code nameattributes} form {@code 0x02} in
 * <a href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/Binary.md#import-and-export-definitions">
 * Import and Export Definitions</a> (🏷️/🔗). They describe a name without being part of it, so linking by name
 * may ignore them. Forms {@code 0x00} and {@code 0x01} carry none: {@link #NONE}.
 *
 * @param implementsName 🏷️ {@code (implements "ns:pkg/iface")}: the interface an instance implements
 * @param versionSuffix 🔗 {@code (versionsuffix "...")}: what the canonical version left out
 * @param externalId 🏷️ {@code (external-id "...")}: a host-specific identifier, any string
 */
public record NameAttributes(Optional<ExternName.Interface> implementsName, Optional<String> versionSuffix,
        Optional<String> externalId) {

    /** No attributes. */
    public static final NameAttributes NONE = new NameAttributes(Optional.empty(), Optional.empty(), Optional.empty());

    /** Checks the parts are present. */
    public NameAttributes {
        Objects.requireNonNull(implementsName, "implementsName");
        Objects.requireNonNull(versionSuffix, "versionSuffix");
        Objects.requireNonNull(externalId, "externalId");
    }

    /** Only the attributes present, e.g. {@code NameAttributes[]} or {@code NameAttributes[versionsuffix=.3]}. */
    @Override
    public String toString() {
        StringJoiner out = new StringJoiner(", ", "NameAttributes[", "]");
        implementsName.ifPresent(i -> out.add("implements=" + i));
        versionSuffix.ifPresent(v -> out.add("versionsuffix=" + v));
        externalId.ifPresent(e -> out.add("external-id=" + e));
        return out.toString();
    }
}
