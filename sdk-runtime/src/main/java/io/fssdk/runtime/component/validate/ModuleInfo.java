package io.fssdk.runtime.component.validate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What is statically known of a core module's type. An imported module has a core module type, and an
 * embedded module's type is decoded from its type, import and export sections, so both are known; only an
 * embedded module whose sections are malformed or use WebAssembly 3.0 types, which validation does not
 * model, is {@link #UNKNOWN}.
 */
final class ModuleInfo implements Entity, CoreTypeInfo {
    /** A module whose imports and exports are not known statically. */
    static final ModuleInfo UNKNOWN = new ModuleInfo(null, null);

    /** One two-level core import. */
    record Import(String module, String name, CoreItem item) {
        Import {
            Objects.requireNonNull(module, "module");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(item, "item");
        }
    }

    private final List<Import> imports;
    private final Map<String, CoreItem> exports;

    private ModuleInfo(List<Import> imports, Map<String, CoreItem> exports) {
        this.imports = imports;
        this.exports = exports;
    }

    /** A module of a known core module type. */
    static ModuleInfo known(List<Import> imports, Map<String, CoreItem> exports) {
        return new ModuleInfo(List.copyOf(imports), Collections.unmodifiableMap(new LinkedHashMap<>(exports)));
    }

    /** The imports, when known. */
    Optional<List<Import>> imports() {
        return Optional.ofNullable(imports);
    }

    /** The exports by name, when known. */
    Optional<Map<String, CoreItem>> exports() {
        return Optional.ofNullable(exports);
    }

    @Override
    public long size() {
        return 1;
    }

    @Override
    public boolean hasResources() {
        return false;
    }
}
