package io.fssdk.runtime.component.validate;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What is known of a core instance: its exports, when the instance is a bag of core exports or
 * instantiates a module of a known type; nothing when the module's type is unknown (see {@link ModuleInfo}).
 *
 * @param exports the exports by name, when known
 */
record CoreInstanceInfo(Optional<Map<String, CoreItem>> exports) {
    /** A core instance whose exports are not known statically. */
    static final CoreInstanceInfo UNKNOWN = new CoreInstanceInfo(Optional.empty());

    CoreInstanceInfo {
        Objects.requireNonNull(exports, "exports");
        exports = exports.map(Map::copyOf);
    }
}
